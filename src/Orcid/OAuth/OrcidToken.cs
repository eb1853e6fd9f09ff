using System.Text.Json.Serialization;

namespace Consortium.Orcid.OAuth;

/// <summary>ORCID's token response. <see cref="Orcid"/> and <see cref="Name"/> are absent for client-credentials tokens.</summary>
public sealed record OrcidToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("orcid")] string? Orcid,
    [property: JsonPropertyName("id_token")] string? IdToken);
