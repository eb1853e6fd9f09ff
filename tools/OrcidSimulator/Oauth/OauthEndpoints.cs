using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>ORCID's OAuth 2 and OpenID Connect endpoints: authorize, token, revoke, discovery, JWKS, userinfo.</summary>
public static class OauthEndpoints
{
    // ORCID's access tokens last about 20 years.
    private const long ExpiresInSeconds = 631_138_518;

    public static void MapOauth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oauth/authorize", Authorize);
        app.MapPost("/oauth/authorize", DecideAsync).DisableAntiforgery();
        app.MapPost("/oauth/token", TokenAsync).DisableAntiforgery();
        app.MapPost("/oauth/revoke", RevokeAsync).DisableAntiforgery();
        app.MapGet("/oauth/userinfo", UserInfo);
        app.MapGet("/oauth/jwks", (IdTokenIssuer issuer) => Results.Json(issuer.Jwks()));
        app.MapGet("/.well-known/openid-configuration", Discovery);
    }

    private static IResult Authorize(HttpRequest http, SimulatorState state, OrcidSimulatorOptions options)
    {
        var request = AuthorizeRequest.From(http.Query);
        if (request.Problem(state) is { } problem)
        {
            return Results.BadRequest(problem);
        }
        if (state.TakeQueuedConsent() is { } decided)
        {
            return Results.Redirect(request.Redirect(decided.Authorize ? Code(state, request, decided.Orcid) : null));
        }
        return SignInPage.Render(request, state.FindClient(request.ClientId)!, options.Environment);
    }

    private static async Task<IResult> DecideAsync(HttpRequest http, SimulatorState state, OrcidSimulatorOptions options)
    {
        var form = await http.ReadFormAsync();
        var request = AuthorizeRequest.From(form);
        if (request.Problem(state) is { } problem)
        {
            return Results.BadRequest(problem);
        }
        if (form["decision"] != "authorize")
        {
            return Results.Redirect(request.Redirect(code: null));
        }
        var researcher = state.SignIn(form["username"].ToString().Trim(), form["password"].ToString());
        return researcher is null
            ? SignInPage.Render(request with { Email = form["username"] }, state.FindClient(request.ClientId)!, options.Environment,
                "Sign-in failed: check your email or iD and password.")
            : Results.Redirect(request.Redirect(Code(state, request, researcher.Orcid)));
    }

    private static string Code(SimulatorState state, AuthorizeRequest request, string orcid) =>
        state.IssueCode(request.ClientId!, request.RedirectUri!, orcid, request.Scope!, request.Nonce).Code;

    private static async Task<IResult> TokenAsync(HttpRequest http, SimulatorState state, IdTokenIssuer idTokens)
    {
        var form = await http.ReadFormAsync();
        var client = state.FindClient(form["client_id"], form["client_secret"]);
        if (client is null)
        {
            return OauthError(StatusCodes.Status401Unauthorized, "invalid_client", "Client not found or wrong secret");
        }
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                var code = state.RedeemCode(form["code"]);
                if (code is null || code.ClientId != client.ClientId || code.RedirectUri != form["redirect_uri"])
                {
                    return OauthError(StatusCodes.Status400BadRequest, "invalid_grant", "Invalid authorization code");
                }
                var researcher = state.FindResearcher(code.Orcid)!;
                var token = state.IssueToken(client.ClientId, code.Orcid, code.Scope, withRefreshToken: true);
                var idToken = code.Scope.Split(' ').Contains("openid") ? idTokens.Issue(Issuer(http), client.ClientId, researcher, code.Nonce) : null;
                return TokenResponse(token, researcher.Name, idToken);
            case "client_credentials":
                var scope = form["scope"].ToString();
                return scope is "/read-public" or "/webhook"
                    ? TokenResponse(state.IssueToken(client.ClientId, orcid: null, scope, withRefreshToken: true), name: null, idToken: null)
                    : OauthError(StatusCodes.Status400BadRequest, "invalid_scope", "Client credentials give /read-public or /webhook");
            case "refresh_token":
                var old = state.FindByRefreshToken(form["refresh_token"]);
                if (old is null || old.ClientId != client.ClientId)
                {
                    return OauthError(StatusCodes.Status400BadRequest, "invalid_grant", "Invalid refresh token");
                }
                if (form["revoke_old"] == "true")
                {
                    state.Revoke(old.AccessToken);
                }
                var refreshed = state.IssueToken(client.ClientId, old.Orcid, form["scope"].FirstOrDefault() ?? old.Scope, withRefreshToken: true);
                return TokenResponse(refreshed, old.Orcid is null ? null : state.FindResearcher(old.Orcid)?.Name, idToken: null);
            default:
                return OauthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"Unsupported grant type '{form["grant_type"]}'");
        }
    }

    private static async Task<IResult> RevokeAsync(HttpRequest http, SimulatorState state)
    {
        var form = await http.ReadFormAsync();
        if (state.FindClient(form["client_id"], form["client_secret"]) is null)
        {
            return OauthError(StatusCodes.Status401Unauthorized, "invalid_client", "Client not found or wrong secret");
        }
        // Like RFC 7009: an unknown token is not an error.
        state.Revoke(form["token"]);
        return Results.Ok();
    }

    private static IResult UserInfo(HttpRequest http, SimulatorState state)
    {
        var token = state.FindLiveToken(http.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.OrdinalIgnoreCase).Trim());
        if (token?.Orcid is null || state.FindResearcher(token.Orcid) is not { } researcher)
        {
            return OauthError(StatusCodes.Status401Unauthorized, "invalid_token", "Invalid access token");
        }
        return Results.Json(new { id = $"{Issuer(http)}/{researcher.Orcid}", sub = researcher.Orcid, name = researcher.Name, family_name = researcher.FamilyNames, given_name = researcher.GivenNames });
    }

    private static IResult Discovery(HttpRequest http)
    {
        var issuer = Issuer(http);
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{issuer}/oauth/authorize",
            ["token_endpoint"] = $"{issuer}/oauth/token",
            ["userinfo_endpoint"] = $"{issuer}/oauth/userinfo",
            ["revocation_endpoint"] = $"{issuer}/oauth/revoke",
            ["jwks_uri"] = $"{issuer}/oauth/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "/authenticate", "/read-limited", "/activities/update", "/person/update", "/read-public", "/webhook" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
            ["claims_supported"] = new[] { "sub", "given_name", "family_name", "name", "auth_time", "nonce" },
        });
    }

    /// <summary>The issuer is whatever host the caller reached, so the simulator works on any port.</summary>
    private static string Issuer(HttpRequest http) => $"{http.Scheme}://{http.Host}";

    private static IResult TokenResponse(IssuedToken token, string? name, string? idToken)
    {
        var body = new Dictionary<string, object?>
        {
            ["access_token"] = token.AccessToken,
            ["token_type"] = "bearer",
            ["refresh_token"] = token.RefreshToken,
            ["expires_in"] = ExpiresInSeconds,
            ["scope"] = token.Scope,
            ["name"] = name,
            ["orcid"] = token.Orcid,
        };
        if (idToken is not null)
        {
            body["id_token"] = idToken;
        }
        return Results.Json(body);
    }

    private static IResult OauthError(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
