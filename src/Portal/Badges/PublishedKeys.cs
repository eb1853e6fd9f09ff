using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.Portal.Badges;

/// <summary>The public key an issuer publishes for a JWT, and the JWT's signature checked with it (Microsoft.IdentityModel).</summary>
public sealed class PublishedKeys(BadgeFetcher fetcher)
{
    private static readonly JsonWebTokenHandler Tokens = new();

    /// <summary>OB 3.0 requires RS256; the others are the asymmetric algorithms VC-JOSE-COSE names. Never <c>none</c> or HMAC.</summary>
    private static readonly string[] Algorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    /// <summary>The key named by the JWT's <c>kid</c>, which must lie under the issuer id's origin, fetched from there. A key
    /// embedded in the header (<c>jwk</c>) proves only that the credential is intact, not who made it, so it is not used.</summary>
    /// <returns>The key, or null and why not.</returns>
    public async Task<(SecurityKey? Key, string Detail)> FindAsync(JsonWebToken token, string issuerId, CancellationToken cancellation)
    {
        if (!Uri.TryCreate(token.Kid, UriKind.Absolute, out var kid) || kid.Scheme is not ("https" or "http"))
        {
            return (null, string.IsNullOrEmpty(token.Kid)
                ? "The JWT names no kid: a key only embedded in the credential does not prove who issued it."
                : $"The JWT's kid ({token.Kid}) is not an HTTP address where the issuer publishes its key.");
        }
        if (!Uri.TryCreate(issuerId, UriKind.Absolute, out var issuer) || !SameOrigin(kid, issuer))
        {
            return (null, $"The key {token.Kid} is not published under the issuer's address ({issuerId}).");
        }
        var address = new Uri(kid.GetLeftPart(UriPartial.Query));
        if (await fetcher.GetAsync(address, cancellation) is not { } document)
        {
            return (null, $"The issuer's keys could not be fetched from {address}.");
        }
        var keys = Keys(document);
        var key = keys.FirstOrDefault(k => k.Kid == token.Kid || k.Kid == kid.Fragment.TrimStart('#'))
            ?? (keys.Count == 1 && string.IsNullOrEmpty(keys[0].Kid) ? keys[0] : null);
        if (key is null || key.HasPrivateKey)
        {
            return (null, $"The issuer publishes no public key {token.Kid} at {address}.");
        }
        key.KeyId = token.Kid;
        return (key, $"The issuer publishes the key {token.Kid}.");
    }

    public static async Task<bool> SignedByAsync(string jwt, SecurityKey key)
    {
        var result = await Tokens.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = Algorithms,
            // The issuer and the dates are checked against the credential itself, to name the reason.
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        return result.IsValid;
    }

    /// <summary>A JWK Set, or a single JWK; nothing for anything else.</summary>
    private static IList<JsonWebKey> Keys(string document)
    {
        try
        {
            return document.Contains("\"keys\"", StringComparison.Ordinal) ? new JsonWebKeySet(document).Keys : [new JsonWebKey(document)];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    public static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
