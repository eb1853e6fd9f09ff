using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Snapshots;

public static class TenantChangesExtensions
{
    public static ITenantChangesGrain GetTenantChanges(this IGrainFactory grains, string tenantSlug) =>
        grains.GetGrain<ITenantChangesGrain>(TenantKey.For(tenantSlug));

    /// <summary>Called by a grain after it stored a change that a <see cref="TenantSnapshots"/> entry may hold.</summary>
    public static Task TenantChangedAsync(this IGrainFactory grains, string tenantSlug) => grains.GetTenantChanges(tenantSlug).ChangedAsync();
}
