using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.Grains.Snapshots;

namespace Consortium.Grains.OrcidClients;

/// <summary>One grain per tenant and environment, so the two are stored, and fail, apart.</summary>
public static class OrcidClientKey
{
    public static string For(string tenantSlug, OrcidEnvironment environment) => $"{TenantKey.For(tenantSlug)}:{environment.Name()}";

    public static string TenantOf(string key) => TenantKey.SlugOf(key[..key.LastIndexOf(':')]);

    public static OrcidEnvironment EnvironmentOf(string key) => OrcidEnvironmentName.FromName(key[(key.LastIndexOf(':') + 1)..]);

    /// <summary>Data Protection purpose: ciphertext made for one tenant and environment opens for no other.</summary>
    public static string ProtectionPurpose(string grainKey) => $"Consortium.OrcidClientSecret.{grainKey}";
}
