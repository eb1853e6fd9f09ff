using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Microsoft.Extensions.Logging;

namespace Consortium.Grains.Snapshots;

/// <summary>
/// The subscribers are in memory only: a process renews its subscription whenever its snapshot of the tenant expires
/// (<see cref="TenantSnapshots.SnapshotFor"/>, shorter than <see cref="SubscriptionLifetime"/>), and the grain stays active
/// while anyone is subscribed. Should its silo fail, the processes' snapshots still end within <see cref="TenantSnapshots.SnapshotFor"/>.
/// </summary>
public sealed class TenantChangesGrain(TimeProvider clock, ILogger<TenantChangesGrain> logger) : Grain, ITenantChangesGrain
{
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>A subscriber that does not answer in this time is dropped; its process's snapshot ends by itself.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    private readonly Dictionary<ITenantChangeObserver, DateTimeOffset> _subscribers = [];

    public Task SubscribeAsync(ITenantChangeObserver observer)
    {
        _subscribers[observer] = clock.GetUtcNow() + SubscriptionLifetime;
        DelayDeactivation(SubscriptionLifetime);
        return Task.CompletedTask;
    }

    public async Task ChangedAsync()
    {
        var now = clock.GetUtcNow();
        var slug = TenantKey.SlugOf(this.GetPrimaryKeyString());
        foreach (var expired in _subscribers.Where(s => s.Value <= now).Select(s => s.Key).ToList())
        {
            _subscribers.Remove(expired);
        }
        await Task.WhenAll(_subscribers.Keys.ToList().Select(async subscriber =>
        {
            try
            {
                await subscriber.TenantChangedAsync(slug).WaitAsync(AnswerWithin);
            }
            catch (Exception gone) when (gone is TimeoutException or OrleansException)
            {
                logger.LogWarning("A snapshot of tenant {Tenant} did not answer its change ({Reason}); dropped", slug, gone.GetType().Name);
                _subscribers.Remove(subscriber);
            }
        }));
    }
}
