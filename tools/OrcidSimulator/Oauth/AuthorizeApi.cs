using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary><c>/oauth/authorize</c>: the page (GET), the researcher's answer (POST), or at once a decision queued by <c>/_sim/next-consent</c>.</summary>
public static class AuthorizeApi
{
    public static void MapAuthorizeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oauth/authorize", Show);
        app.MapPost("/oauth/authorize", Answer).DisableAntiforgery();
    }

    static IResult Show(HttpRequest request, OAuthStore oauth, OrcidSimulatorOptions options)
    {
        var parameters = AuthorizeParameters.From(name => request.Query[name].FirstOrDefault());
        if (Check(parameters, oauth) is { } invalid)
        {
            return invalid;
        }
        return oauth.TakeNextConsent() is { } decided
            ? Decide(parameters, oauth, oauth.FindResearcher(decided.Orcid), decided.Authorize)
            : AuthorizePage.Render(options.EnvironmentName, parameters, oauth.FindClient(parameters.ClientId)!.Name, oauth.Researchers);
    }

    static async Task<IResult> Answer(HttpRequest request, OAuthStore oauth, RecordStore records, OrcidSimulatorOptions options)
    {
        var form = await request.ReadFormAsync();
        var parameters = AuthorizeParameters.From(name => form[name].FirstOrDefault());
        if (Check(parameters, oauth) is { } invalid)
        {
            return invalid;
        }
        if (form["decision"] == "deny")
        {
            return Decide(parameters, oauth, researcher: null, authorize: false);
        }
        if (form["decision"] == "register")
        {
            return Register(parameters, form, oauth, records, options);
        }
        var researcher = oauth.FindResearcher(form["researcher"]) ?? oauth.SignIn(form["signin_email"], form["signin_password"]);
        return researcher is null
            // What was typed stays in the form: a failed sign-in loses nothing.
            ? AuthorizePage.Render(options.EnvironmentName, parameters with { Email = form["signin_email"].FirstOrDefault() ?? parameters.Email },
                oauth.FindClient(parameters.ClientId)!.Name, oauth.Researchers,
                "Pick a researcher, or sign in with a known email and its password.")
            : Decide(parameters, oauth, researcher, authorize: true);
    }

    /// <summary>A person trying the portal makes their own test researcher, with a record, and signs in as them.</summary>
    static IResult Register(AuthorizeParameters parameters, IFormCollection form, OAuthStore oauth, RecordStore records, OrcidSimulatorOptions options)
    {
        var typed = new AuthorizePage.NewResearcherForm(form["new_given_names"], form["new_family_names"], form["new_email"], form["new_password"]);
        if (NewResearcher.Problem(oauth, typed.GivenNames, typed.FamilyNames, typed.Email, typed.Password) is { } problem)
        {
            return AuthorizePage.Render(options.EnvironmentName, parameters, oauth.FindClient(parameters.ClientId)!.Name, oauth.Researchers, problem, typed);
        }
        var researcher = oauth.AddResearcher(typed.GivenNames!.Trim(), typed.FamilyNames!.Trim(), typed.Email!.Trim(), password: typed.Password);
        records.CreateRecord(researcher.Orcid);
        return Decide(parameters, oauth, researcher, authorize: true);
    }

    static IResult Decide(AuthorizeParameters parameters, OAuthStore oauth, SimResearcher? researcher, bool authorize)
    {
        if (!authorize)
        {
            return Results.Redirect(parameters.RedirectWith(("error", "access_denied"), ("error_description", "User denied access")));
        }
        if (researcher is null)
        {
            return Results.BadRequest("The pre-decided consent names a researcher this simulator does not know.");
        }
        var code = oauth.IssueCode(new AuthorizationGrant(parameters.ClientId!, parameters.RedirectUri!, researcher.Orcid, parameters.Scopes, parameters.Nonce));
        return Results.Redirect(parameters.RedirectWith(("code", code)));
    }

    /// <summary>Like ORCID, a bad client or redirect URI is shown as an error page, never redirected to.</summary>
    static IResult? Check(AuthorizeParameters parameters, OAuthStore oauth)
    {
        if (oauth.FindClient(parameters.ClientId) is not { } client)
        {
            return Results.BadRequest($"Unknown client_id '{parameters.ClientId}'.");
        }
        if (parameters.RedirectUri is null || !client.Accepts(parameters.RedirectUri))
        {
            return Results.BadRequest($"redirect_uri '{parameters.RedirectUri}' is not registered for {client.Name}.");
        }
        if (parameters.ResponseType != "code")
        {
            return Results.BadRequest("response_type must be 'code'.");
        }
        return parameters.Scopes.Count == 0 ? Results.BadRequest("scope is required.") : null;
    }
}
