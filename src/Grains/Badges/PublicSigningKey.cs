using System.Text.Json.Serialization;

namespace Consortium.Grains.Badges;

/// <summary>A public RSA signing key as a JSON Web Key (RFC 7517), <c>kid</c> the URI that names it in a credential's header.</summary>
[GenerateSerializer, Immutable, Alias("PublicSigningKey")]
public sealed record PublicSigningKey(
    [property: Id(0), JsonPropertyName("kid")] string Kid,
    [property: Id(1), JsonPropertyName("n")] string Modulus,
    [property: Id(2), JsonPropertyName("e")] string Exponent,
    [property: Id(3), JsonIgnore] DateTimeOffset CreatedAt)
{
    [JsonPropertyName("kty")] public string KeyType => "RSA";

    [JsonPropertyName("use")] public string Use => "sig";

    [JsonPropertyName("alg")] public string Algorithm => IssuerKeys.Algorithm;
}
