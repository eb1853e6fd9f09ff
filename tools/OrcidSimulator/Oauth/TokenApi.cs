using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary><c>POST /oauth/token</c> (authorization_code, refresh_token, client_credentials) and <c>POST /oauth/revoke</c>,
/// clients authenticated with client_secret_post.</summary>
public static class TokenApi
{
    // ORCID's tokens last about 20 years.
    const long ExpiresInSeconds = 631_138_518;

    static readonly string[] ClientScopes = [OrcidScopes.ReadPublic, OrcidScopes.Webhook];

    public static void MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth/token", Token).DisableAntiforgery();
        app.MapPost("/oauth/revoke", Revoke).DisableAntiforgery();
    }

    static async Task<IResult> Token(HttpRequest request, OAuthStore oauth, IdTokenIssuer idTokens, OrcidSimulatorOptions options)
    {
        var form = await request.ReadFormAsync();
        if (oauth.Authenticate(form["client_id"], form["client_secret"]) is not { } client)
        {
            return OAuthError("invalid_client", "Client not found or wrong client secret.", StatusCodes.Status401Unauthorized);
        }
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                if (oauth.RedeemCode(form["code"], client.ClientId, form["redirect_uri"]) is not { } grant)
                {
                    return OAuthError("invalid_grant", "Invalid authorization code: unknown, already used, or for another client or redirect_uri.");
                }
                var token = oauth.IssueToken(client.ClientId, grant.Orcid, grant.Scopes);
                var researcher = oauth.FindResearcher(grant.Orcid)!;
                var idToken = grant.Scopes.Contains(OrcidScopes.OpenId)
                    ? idTokens.Issue(OpenIdApi.IssuerOf(request), client.ClientId, researcher, grant.Nonce,
                        withEmail: options.IssuesEmailClaims && grant.Scopes.Contains("email"))
                    : null;
                return TokenResponse(token, researcher.Name, idToken);
            case "refresh_token":
                return oauth.Refresh(client.ClientId, form["refresh_token"], form["revoke_old"] == "true") is { } refreshed
                    ? TokenResponse(refreshed, oauth.FindResearcher(refreshed.Orcid)?.Name, idToken: null)
                    : OAuthError("invalid_grant", "Invalid refresh token: unknown, revoked, or for another client.");
            case "client_credentials":
                var scopes = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return scopes.Length > 0 && scopes.All(ClientScopes.Contains)
                    ? TokenResponse(oauth.IssueToken(client.ClientId, orcid: null, scopes), name: null, idToken: null)
                    : OAuthError("invalid_scope", $"Client credentials give {string.Join(" or ", ClientScopes)} only.");
            default:
                return OAuthError("unsupported_grant_type", $"Unsupported grant_type '{form["grant_type"]}'.");
        }
    }

    static async Task<IResult> Revoke(HttpRequest request, OAuthStore oauth)
    {
        var form = await request.ReadFormAsync();
        if (oauth.Authenticate(form["client_id"], form["client_secret"]) is not { } client)
        {
            return OAuthError("invalid_client", "Client not found or wrong client secret.", StatusCodes.Status401Unauthorized);
        }
        oauth.Revoke(client.ClientId, form["token"]);
        return Results.Ok();
    }

    static IResult TokenResponse(SimToken token, string? name, string? idToken) => Results.Json(new Dictionary<string, object?>
    {
        ["access_token"] = token.AccessToken,
        ["token_type"] = "bearer",
        ["refresh_token"] = token.RefreshToken,
        ["expires_in"] = ExpiresInSeconds,
        ["scope"] = string.Join(' ', token.Scopes),
        ["name"] = name,
        ["orcid"] = token.Orcid,
        ["id_token"] = idToken,
    }.Where(pair => pair.Value is not null).ToDictionary());

    static IResult OAuthError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
