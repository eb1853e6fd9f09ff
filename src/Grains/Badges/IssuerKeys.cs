using Consortium.Grains.Tenants;

namespace Consortium.Grains.Badges;

/// <summary>Names around a tenant's signing keys.</summary>
public static class IssuerKeys
{
    /// <summary>RS256: the one algorithm Open Badges 3.0 requires every verifier to support
    /// (openbadges-specification ob_v3p0/integrity.md, "Create the JOSE Header").</summary>
    public const string Algorithm = "RS256";

    public const int KeySizeBits = 2048;

    /// <summary>Grain key of a tenant's <see cref="Interfaces.IIssuerKeysGrain"/>.</summary>
    public static string For(string tenantSlug) => TenantKey.For(tenantSlug);

    /// <summary>Data Protection purpose: a key protected for one tenant opens for no other.</summary>
    public static string ProtectionPurpose(string grainKey) => $"Consortium.BadgeSigningKey.{grainKey}";

    /// <summary>OB 3.0 asks <c>kid</c> to be a URI that dereferences to the key: the JWKS address with the key's id as fragment.</summary>
    public static string Kid(string jwksUrl, string keyId) => $"{jwksUrl}#{keyId}";
}
