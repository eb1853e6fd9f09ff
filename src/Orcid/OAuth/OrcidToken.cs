using System.Text.Json.Serialization;
using Consortium.Orcid.Http;

namespace Consortium.Orcid.OAuth;

/// <summary>ORCID's token response. <see cref="Orcid"/> and <see cref="Name"/> come with a researcher's token,
/// <see cref="IdToken"/> only with the <c>openid</c> scope.</summary>
public sealed record OrcidToken
{
    [JsonPropertyName("access_token")] public required string AccessToken { get; init; }
    [JsonPropertyName("token_type")] public string? TokenType { get; init; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
    [JsonPropertyName("expires_in")] public long ExpiresIn { get; init; }
    [JsonPropertyName("scope")] public string Scope { get; init; } = "";
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("orcid")] public string? Orcid { get; init; }
    [JsonPropertyName("id_token")] public string? IdToken { get; init; }

    [JsonIgnore]
    public IReadOnlyList<string> Scopes => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public OrcidAccess ToAccess(string clientId) => new(clientId, AccessToken);

    /// <summary>Never print the tokens: records print every property by default.</summary>
    public override string ToString() => $"OrcidToken {{ Orcid = {Orcid}, Scope = {Scope}, ExpiresIn = {ExpiresIn} }}";
}
