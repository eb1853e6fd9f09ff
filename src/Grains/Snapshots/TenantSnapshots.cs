using System.Collections.Concurrent;
using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Snapshots;

/// <summary>
/// What a decision reads of a tenant's settings (its profile, API keys, trust rules, ORCID client ids, templates), kept in
/// this process so that a warm verification asks no grain for them. The tenant's <see cref="ITenantChangesGrain"/> tells
/// this process of every change before the change's call returns, and the snapshot of that tenant is dropped whole: the next
/// read loads afresh. A snapshot also ends after <see cref="SnapshotFor"/> by itself (and its subscription is renewed), which
/// bounds how long a change could go unseen should the changes grain's silo fail.
/// </summary>
public sealed class TenantSnapshots(IGrainFactory grains, TimeProvider clock) : ITenantChangeObserver
{
    public static readonly TimeSpan SnapshotFor = TimeSpan.FromMinutes(1);

    private sealed class Snapshot(DateTimeOffset until, Task subscribed)
    {
        public DateTimeOffset Until { get; } = until;

        public Task Subscribed { get; } = subscribed;

        public ConcurrentDictionary<string, Lazy<Task<object?>>> Entries { get; } = new(StringComparer.Ordinal);
    }

    private readonly ConcurrentDictionary<string, Snapshot> _tenants = new(StringComparer.Ordinal);
    private Lazy<Task<ITenantChangeObserver>>? _self;

    /// <summary>The entry <paramref name="key"/> of the tenant's snapshot, loaded once by <paramref name="load"/> (concurrent
    /// readers share the load). A load that fails is not kept.</summary>
    public async ValueTask<T> GetAsync<T>(string tenantSlug, string key, Func<Task<T>> load)
    {
        var snapshot = Current(tenantSlug);
        try
        {
            await snapshot.Subscribed;
        }
        catch
        {
            // Unsubscribed, the snapshot could miss a change: it is not used, and the next read subscribes again.
            _tenants.TryRemove(KeyValuePair.Create(tenantSlug, snapshot));
            throw;
        }
        var entry = snapshot.Entries.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await load()));
        try
        {
            return (T)(await entry.Value)!;
        }
        catch
        {
            snapshot.Entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>This process's own change of a tenant (the grain tells every process too; this is for callers that cannot wait for it).</summary>
    public void Forget(string tenantSlug) => _tenants.TryRemove(tenantSlug, out _);

    Task ITenantChangeObserver.TenantChangedAsync(string tenantSlug)
    {
        Forget(tenantSlug);
        return Task.CompletedTask;
    }

    private Snapshot Current(string tenantSlug)
    {
        var now = clock.GetUtcNow();
        while (true)
        {
            if (_tenants.TryGetValue(tenantSlug, out var current) && current.Until > now)
            {
                return current;
            }
            var fresh = new Snapshot(now + SnapshotFor, SubscribeAsync(tenantSlug));
            if (current is null ? _tenants.TryAdd(tenantSlug, fresh) : _tenants.TryUpdate(tenantSlug, fresh, current))
            {
                return fresh;
            }
        }
    }

    private async Task SubscribeAsync(string tenantSlug)
    {
        // Orleans makes no object reference from within a grain's turn (a verifier's read is one): made on the thread pool.
        _self ??= new Lazy<Task<ITenantChangeObserver>>(() => Task.Run(() => grains.CreateObjectReference<ITenantChangeObserver>(this)));
        await grains.GetTenantChanges(tenantSlug).SubscribeAsync(await _self.Value);
    }
}
