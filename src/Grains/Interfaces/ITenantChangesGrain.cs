using Consortium.Grains.Snapshots;

namespace Consortium.Grains.Interfaces;

/// <summary>Tells every process that keeps a snapshot of a tenant's settings (<see cref="TenantSnapshots"/>) that they changed.
/// Key: <see cref="Tenants.TenantKey.For"/>.</summary>
[Alias("ITenantChangesGrain")]
public interface ITenantChangesGrain : IGrainWithStringKey
{
    /// <summary>Told of every change until <see cref="TenantChangesGrain.SubscriptionLifetime"/> after this call.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(ITenantChangeObserver observer);

    /// <summary>Returns once every subscriber answered (or was dropped for not answering): a snapshot read after this sees the change.</summary>
    [Alias("Changed")]
    Task ChangedAsync();
}

/// <summary>A process's <see cref="TenantSnapshots"/>, told that a tenant's settings changed.</summary>
[Alias("ITenantChangeObserver")]
public interface ITenantChangeObserver : IGrainObserver
{
    [Alias("TenantChanged")]
    Task TenantChangedAsync(string tenantSlug);
}
