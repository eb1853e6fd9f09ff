using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Orcid.OAuth;

/// <summary>ORCID's OAuth token endpoint. Logs each call's outcome, never a secret or a token.</summary>
public sealed class OrcidOAuthClient(HttpClient http, IOptions<OrcidOptions> options, ILogger<OrcidOAuthClient> logger)
{
    /// <summary>A client-credentials token (<c>/read-public</c> or <c>/webhook</c>); also proves the credentials are good.</summary>
    /// <exception cref="OrcidOAuthException">ORCID refused them (invalid_client for a wrong id or secret).</exception>
    public Task<OrcidToken> ClientCredentialsAsync(string environment, string clientId, string clientSecret, string scope, CancellationToken cancellationToken = default) =>
        TokenAsync(environment, new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["grant_type"] = "client_credentials",
            ["scope"] = scope,
        }, cancellationToken);

    private async Task<OrcidToken> TokenAsync(string environment, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var endpoint = new Uri($"{options.Value.For(environment).OAuthUrl.TrimEnd('/')}/oauth/token");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, cancellationToken);
        logger.LogInformation("ORCID {Environment} token {GrantType} for {ClientId}: {Status}", environment, form["grant_type"], form["client_id"], (int)response.StatusCode);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<OrcidToken>(cancellationToken)
                ?? throw new OrcidOAuthException((int)response.StatusCode, "empty_response", "ORCID sent no token.");
        }
        var (error, description) = await ReadErrorAsync(response, cancellationToken);
        throw new OrcidOAuthException((int)response.StatusCode, error, description);
    }

    private static async Task<(string Error, string? Description)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return (body.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? "unknown" : "unknown",
                body.RootElement.TryGetProperty("error_description", out var description) ? description.GetString() : null);
        }
        catch (JsonException)
        {
            return ("unknown", response.ReasonPhrase);
        }
    }
}
