using Orleans.Concurrency;
using Consortium.Grains.Live;

namespace Consortium.Grains.Interfaces;

/// <summary>
/// Where the Issuing tab and a batch's progress hear that a tenant's issuing changed in one environment, instead of
/// reading it every few seconds. Producers tell it one-way; it coalesces a burst into one push per
/// <see cref="IssuingFeedGrain.Debounce"/> to each subscribed observer. Key: <see cref="IssuingFeedKey.For"/>.
/// </summary>
[Alias("IIssuingFeedGrain")]
public interface IIssuingFeedGrain : IGrainWithStringKey
{
    /// <summary>These issuances' views changed (their status, put-code, error), and with them the counts.</summary>
    [OneWay, Alias("IssuancesChanged")]
    Task IssuancesChangedAsync(IReadOnlyList<string> issuanceIds);

    /// <summary>Something that is not one issuance changed, e.g. a researcher connected: everything may read differently.</summary>
    [OneWay, Alias("EverythingChanged")]
    Task EverythingChangedAsync();

    /// <summary>Subscribes, or renews, an observer; an observer that does not renew within <see cref="IssuingFeedGrain.Expiry"/> is dropped.</summary>
    /// <returns>True when the observer was not subscribed (its first subscription, or one that was lost, e.g. when the feed
    /// was reactivated): it may have missed pushes and should read again.</returns>
    [Alias("Subscribe")]
    Task<bool> SubscribeAsync(IIssuingFeedObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IIssuingFeedObserver observer);
}
