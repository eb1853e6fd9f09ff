using Consortium.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Consortium.Grains.Live;

/// <summary>
/// Fans a tenant's issuing changes out to the pages that show them. Nothing here is stored: a page renews its
/// subscription every <see cref="Renewal"/>, so after a restart or a reactivation it is back within one renewal (and reads
/// again, told by <see cref="SubscribeAsync"/>). Changes are gathered for <see cref="Debounce"/> and pushed together,
/// so a 10,000-row batch moves a page a few times a second, not 10,000 times.
/// </summary>
public sealed class IssuingFeedGrain(ILogger<IssuingFeedGrain> logger) : Grain, IIssuingFeedGrain
{
    /// <summary>How long changes are gathered before one push.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>How often a subscriber renews; well inside <see cref="Expiry"/>, so one missed renewal loses nothing.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    /// <summary>A subscriber not heard from for this long is gone (its circuit closed without unsubscribing).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(95);

    /// <summary>Past this many ids a push says "everything": a page reads it all again anyway, and the message stays small.</summary>
    public const int MaxIdsPerPush = 1000;

    private readonly ObserverManager<IIssuingFeedObserver> observers = new(Expiry, logger);
    private readonly HashSet<string> changed = new(StringComparer.Ordinal);
    private bool everything;
    private IGrainTimer? push;
    private bool armed;

    public Task IssuancesChangedAsync(IReadOnlyList<string> issuanceIds)
    {
        if (observers.Count > 0 && issuanceIds.Count > 0)
        {
            if (!everything)
            {
                changed.UnionWith(issuanceIds);
            }
            Arm();
        }
        return Task.CompletedTask;
    }

    public Task EverythingChangedAsync()
    {
        if (observers.Count > 0)
        {
            everything = true;
            changed.Clear();
            Arm();
        }
        return Task.CompletedTask;
    }

    public Task<bool> SubscribeAsync(IIssuingFeedObserver observer)
    {
        var missing = !observers.Observers.ContainsKey(observer);
        observers.Subscribe(observer, observer);
        return Task.FromResult(missing);
    }

    public Task UnsubscribeAsync(IIssuingFeedObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Starts the gathering window, unless one is already open: the first change of a burst sets when it is pushed.</summary>
    private void Arm()
    {
        if (armed)
        {
            return;
        }
        armed = true;
        if (push is null)
        {
            push = this.RegisterGrainTimer(PushAsync, new GrainTimerCreationOptions(Debounce, Timeout.InfiniteTimeSpan));
        }
        else
        {
            push.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private Task PushAsync(CancellationToken cancellationToken)
    {
        armed = false;
        var change = everything || changed.Count > MaxIdsPerPush
            ? IssuingChange.Everything
            : new IssuingChange(new HashSet<string>(changed, StringComparer.Ordinal));
        everything = false;
        changed.Clear();
        observers.ClearExpired();
        observers.Notify(observer => observer.ChangedAsync(change));
        return Task.CompletedTask;
    }
}
