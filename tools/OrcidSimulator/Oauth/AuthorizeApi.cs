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
        if (Check(parameters, oauth, options) is { } invalid)
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
        if (Check(parameters, oauth, options) is { } invalid)
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

    /// <summary>
    /// What RFC 6749 §4.1.2.1 says, and ORCID does through Spring Security OAuth's <c>AuthorizationEndpoint</c>: with an
    /// unknown client or a redirect URI it did not register, ORCID cannot trust the address, so it shows an error page of
    /// its own (HTML, never a bare message) and sends nobody anywhere; any other problem goes back to the client's redirect
    /// URI as <c>error</c> and <c>error_description</c>, where the portal's branded page explains it.
    /// </summary>
    static IResult? Check(AuthorizeParameters parameters, OAuthStore oauth, OrcidSimulatorOptions options)
    {
        if (oauth.FindClient(parameters.ClientId) is not { } client)
        {
            return AuthorizePage.Error(options.EnvironmentName, "invalid_client",
                $"The application that sent you here is not registered with ORCID (client_id '{parameters.ClientId}').");
        }
        if (parameters.RedirectUri is null || !client.Accepts(parameters.RedirectUri))
        {
            return AuthorizePage.Error(options.EnvironmentName, "redirect_uri_mismatch",
                $"{client.Name} asked ORCID to send you back to '{parameters.RedirectUri}', an address it has not registered.");
        }
        if (parameters.ResponseType != "code")
        {
            return Results.Redirect(parameters.RedirectWith(("error", "unsupported_response_type"), ("error_description", "response_type must be 'code'.")));
        }
        return parameters.Scopes.Count == 0
            ? Results.Redirect(parameters.RedirectWith(("error", "invalid_scope"), ("error_description", "scope is required.")))
            : null;
    }
}
