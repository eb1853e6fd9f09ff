namespace Consortium.Grains.Badges;

/// <summary>One RSA key a tenant signs its credentials with. The private key is only ever stored protected by Data Protection
/// (<see cref="IssuerKeys.ProtectionPurpose"/>); the public modulus and exponent are public, and stay published after a
/// rotation so credentials signed before it still verify.</summary>
[GenerateSerializer, Immutable, Alias("SigningKey")]
public sealed record SigningKey(
    [property: Id(0)] string Id,
    [property: Id(1)] string ProtectedPrivateKey,
    [property: Id(2)] string Modulus,
    [property: Id(3)] string Exponent,
    [property: Id(4)] DateTimeOffset CreatedAt)
{
    /// <summary>The key as a JWKS lists it: never the private part.</summary>
    public PublicSigningKey Public(string jwksUrl) => new(IssuerKeys.Kid(jwksUrl, Id), Modulus, Exponent, CreatedAt);
}
