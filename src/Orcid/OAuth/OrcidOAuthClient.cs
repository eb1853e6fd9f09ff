using System.Security.Claims;
using Consortium.Orcid.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using System.Text.Json;

namespace Consortium.Orcid.OAuth;

/// <summary>ORCID OAuth of one environment: authorize URL, code exchange, refresh, revoke, client credentials, id_token.</summary>
public sealed class OrcidOAuthClient
{
    static readonly JsonSerializerOptions TokenJson = new();

    readonly OrcidHttp http;
    readonly Uri oauthUrl;
    readonly IConfigurationManager<OpenIdConnectConfiguration> openIdConfiguration;

    internal OrcidOAuthClient(OrcidHttp http, Uri oauthUrl, IConfigurationManager<OpenIdConnectConfiguration> openIdConfiguration)
    {
        this.http = http;
        this.oauthUrl = oauthUrl;
        this.openIdConfiguration = openIdConfiguration;
    }

    public Uri BuildAuthorizeUrl(AuthorizeRequest request)
    {
        (string Name, string? Value)[] parameters =
        [
            ("client_id", request.ClientId),
            ("response_type", "code"),
            ("scope", string.Join(' ', request.Scopes)),
            ("redirect_uri", request.RedirectUri.AbsoluteUri),
            ("state", request.State),
            ("family_names", request.FamilyNames),
            ("given_names", request.GivenNames),
            ("email", request.Email),
            ("orcid", request.Orcid?.Value),
            ("lang", request.Lang),
            ("nonce", request.Nonce),
            ("prompt", request.Prompt),
        ];
        var query = string.Join('&', parameters
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return new Uri(oauthUrl, $"/oauth/authorize?{query}");
    }

    /// <summary>Exchanges the code from the authorize redirect. Not retried: a code is good for one exchange.</summary>
    public Task<OrcidToken> ExchangeCodeAsync(OrcidClientCredentials client, string code, Uri redirectUri, CancellationToken cancellationToken = default) =>
        RequestTokenAsync(client, [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectUri.AbsoluteUri)], cancellationToken);

    /// <summary>A new access token from a refresh token; with <paramref name="revokeOld"/> ORCID revokes the old one.</summary>
    public Task<OrcidToken> RefreshAsync(OrcidClientCredentials client, string refreshToken, bool revokeOld = false, CancellationToken cancellationToken = default) =>
        RequestTokenAsync(client,
            [("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("revoke_old", revokeOld ? "true" : "false")],
            cancellationToken);

    /// <summary>A client token: <see cref="OrcidScopes.ReadPublic"/> or <see cref="OrcidScopes.Webhook"/>.
    /// Also the way to check that credentials are valid.</summary>
    public Task<OrcidToken> ClientCredentialsAsync(OrcidClientCredentials client, string scope, CancellationToken cancellationToken = default) =>
        RequestTokenAsync(client, [("grant_type", "client_credentials"), ("scope", scope)], cancellationToken);

    /// <summary>Revokes an access or refresh token (the researcher disconnected).</summary>
    public async Task RevokeAsync(OrcidClientCredentials client, string token, CancellationToken cancellationToken = default)
    {
        using var request = FormPost("/oauth/revoke", client, [("token", token)]);
        using var response = await http.SendAsync(request, cancellationToken);
    }

    /// <summary>Checks an id_token against the environment's JWKS (RS256), issuer, audience (the client id), lifetime and nonce,
    /// and returns the researcher's iD from <c>sub</c>.</summary>
    public async Task<OrcidId> ValidateIdTokenAsync(string idToken, string clientId, string? expectedNonce, CancellationToken cancellationToken = default)
    {
        var configuration = await openIdConfiguration.GetConfigurationAsync(cancellationToken);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = clientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
        });
        if (!result.IsValid)
        {
            throw new IdTokenValidationException($"The ORCID id_token is not valid: {result.Exception?.Message}", result.Exception);
        }
        var nonce = result.ClaimsIdentity.FindFirst("nonce")?.Value;
        if (expectedNonce is not null && nonce != expectedNonce)
        {
            throw new IdTokenValidationException("The ORCID id_token belongs to another sign-in: its nonce does not match.");
        }
        var subject = result.ClaimsIdentity.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? result.ClaimsIdentity.FindFirst("sub")?.Value;
        return OrcidId.TryParse(subject, out var orcid, out var error)
            ? orcid
            : throw new IdTokenValidationException($"The ORCID id_token's subject is not an iD: {error}");
    }

    async Task<OrcidToken> RequestTokenAsync(OrcidClientCredentials client, (string, string)[] grant, CancellationToken cancellationToken)
    {
        using var request = FormPost("/oauth/token", client, grant);
        return await http.SendForJsonAsync<OrcidToken>(request, TokenJson, cancellationToken);
    }

    /// <summary>ORCID authenticates clients with client_secret_post: the credentials travel in the form body.</summary>
    HttpRequestMessage FormPost(string path, OrcidClientCredentials client, (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(oauthUrl, path))
        {
            Content = new FormUrlEncodedContent(
                [new("client_id", client.ClientId), new("client_secret", client.ClientSecret), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Options.Set(OrcidRequestOptions.ClientId, client.ClientId);
        return request;
    }
}
