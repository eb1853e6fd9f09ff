using System.Security.Cryptography;
using System.Text;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Grains.Trust;
using Consortium.Orcid;

namespace Consortium.Grains.Snapshots;

/// <summary>The reads a snapshot serves, each with its entry's key and the grain call that loads it. Every grain these
/// load from tells the tenant's <see cref="ITenantChangesGrain"/> when it changes.</summary>
public static class TenantSnapshotReads
{
    public static ValueTask<TenantProfile?> ProfileAsync(this TenantSnapshots snapshots, IGrainFactory grains, string tenantSlug) =>
        snapshots.GetAsync(tenantSlug, "profile", () => grains.GetGrain<ITenantGrain>(TenantKey.For(tenantSlug)).GetProfileAsync());

    /// <summary>The latest version of a rule.</summary>
    public static ValueTask<TrustRule?> RuleAsync(this TenantSnapshots snapshots, IGrainFactory grains, string tenantSlug, string ruleId) =>
        snapshots.GetAsync(tenantSlug, $"rule:{ruleId}", () => grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(tenantSlug)).GetAsync(ruleId));

    public static ValueTask<string?> ClientIdAsync(this TenantSnapshots snapshots, IGrainFactory grains, string tenantSlug, OrcidEnvironment environment) =>
        snapshots.GetAsync(tenantSlug, $"client:{environment.Name()}",
            async () => (await grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenantSlug, environment)).GetAsync())?.ClientId);

    /// <summary>Template id → title.</summary>
    public static ValueTask<IReadOnlyDictionary<string, string>> TemplateTitlesAsync(this TenantSnapshots snapshots, IGrainFactory grains, string tenantSlug) =>
        snapshots.GetAsync<IReadOnlyDictionary<string, string>>(tenantSlug, "templates", async () =>
            (await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenantSlug)).ListAsync()).ToDictionary(t => t.Id, t => t.Title));

    /// <summary>Whether the key is valid, asked of the tenant's keys grain (which records its use) once per snapshot. The entry is
    /// named by a hash of the secret, so a wrong secret for the key's id never finds the right one's answer, and no secret is kept.</summary>
    public static ValueTask<bool> ApiKeyValidAsync(this TenantSnapshots snapshots, IGrainFactory grains, string tenantSlug, string keyId, string secret) =>
        snapshots.GetAsync(tenantSlug, $"key:{keyId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))}",
            () => grains.GetGrain<ITenantApiKeysGrain>(TenantKey.For(tenantSlug)).VerifyAsync(keyId, secret));
}
