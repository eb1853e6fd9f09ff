using Consortium.Grains.Tenants;

namespace Consortium.Grains.OrcidClients;

/// <summary>One grain per tenant and environment, so the two are stored, and fail, apart.</summary>
public static class OrcidClientKey
{
    public static string For(string tenantSlug, string environment) => $"{TenantKey.For(tenantSlug)}:{environment}";

    public static string EnvironmentOf(string key) => key[(key.LastIndexOf(':') + 1)..];

    /// <summary>Data Protection purpose: ciphertext made for one tenant and environment opens for no other.</summary>
    public static string ProtectionPurpose(string grainKey) => $"Consortium.OrcidClientSecret.{grainKey}";
}
