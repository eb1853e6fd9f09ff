using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.MemberApi;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>OpenID Connect discovery, JWKS and userinfo. The issuer is the base URL the caller used.</summary>
public static class OpenIdApi
{
    public static void MapOpenIdApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpRequest request) =>
        {
            var issuer = IssuerOf(request);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = $"{issuer}/oauth/authorize",
                ["token_endpoint"] = $"{issuer}/oauth/token",
                ["userinfo_endpoint"] = $"{issuer}/oauth/userinfo",
                ["jwks_uri"] = $"{issuer}/oauth/jwks",
                ["revocation_endpoint"] = $"{issuer}/oauth/revoke",
                ["scopes_supported"] = new[] { OrcidScopes.OpenId },
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
                ["claims_supported"] = new[] { "family_name", "given_name", "name", "auth_time", "iss", "sub" },
            });
        });
        app.MapGet("/oauth/jwks", (IdTokenIssuer issuer) => Results.Json(issuer.Jwks()));
        app.MapGet("/oauth/userinfo", (HttpContext context, OAuthStore oauth) =>
            oauth.FindResearcher(BearerTokenFilter.TokenOf(context)!.Orcid) is { } researcher
                ? Results.Json(new { sub = researcher.Orcid, name = researcher.Name, family_name = researcher.FamilyNames, given_name = researcher.GivenNames })
                : OrcidResults.InvalidToken("This token belongs to no researcher."))
            .AddEndpointFilterFactory(BearerTokenFilter.Factory(optional: false));
    }

    public static string IssuerOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
