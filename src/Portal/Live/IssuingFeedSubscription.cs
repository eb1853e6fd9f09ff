using Consortium.Orcid;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Live;

namespace Consortium.Portal.Live;

/// <summary>
/// One page's subscription to a tenant's issuing feed: the observer the feed pushes to, renewed every
/// <see cref="IssuingFeedGrain.Renewal"/> (the feed forgets silent observers, and everything after a restart). When a renewal
/// finds the subscription was lost, or cannot reach the feed, the page is told to read everything again once it is back:
/// that is the only read not caused by a push. Hold it for as long as the page lives (the observer reference is weak).
/// </summary>
public sealed class IssuingFeedSubscription : IIssuingFeedObserver, IAsyncDisposable
{
    /// <summary>How soon a renewal that failed is tried again.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory _grains;
    private readonly IIssuingFeedGrain _feed;
    private readonly IIssuingFeedObserver _reference;
    private readonly Func<IssuingChange, Task> _changed;
    private readonly string _tenant;
    private readonly string _view;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _renewing = Task.CompletedTask;

    private IssuingFeedSubscription(IGrainFactory grains, string tenant, OrcidEnvironment environment, string view, Func<IssuingChange, Task> changed, ILogger logger)
    {
        _grains = grains;
        _feed = grains.GetIssuingFeed(tenant, environment);
        _reference = grains.CreateObjectReference<IIssuingFeedObserver>(this);
        _changed = changed;
        _tenant = tenant;
        _view = view;
        _logger = logger;
        Environment = environment;
    }

    public OrcidEnvironment Environment { get; }

    /// <summary>Subscribes <paramref name="changed"/> to the feed of <paramref name="tenant"/> in <paramref name="environment"/>.
    /// The page reads once after this returns, so nothing between its last read and the subscription is missed.</summary>
    /// <param name="view">The page, for <see cref="LiveUpdateMetrics"/>.</param>
    public static async Task<IssuingFeedSubscription> StartAsync(IGrainFactory grains, string tenant, OrcidEnvironment environment, string view,
        Func<IssuingChange, Task> changed, ILogger logger)
    {
        var subscription = new IssuingFeedSubscription(grains, tenant, environment, view, changed, logger);
        var subscribed = await subscription.TrySubscribeAsync() is not null;
        subscription._renewing = subscription.RenewAsync(subscribed);
        return subscription;
    }

    public async Task ChangedAsync(IssuingChange change)
    {
        LiveUpdateMetrics.Pushed(_tenant, _view);
        try
        {
            await _changed(change);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // One-way: nobody else would hear of it.
            _logger.LogWarning(failure, "A {View} page of {Tenant} could not show a pushed change.", _view, _tenant);
        }
    }

    private async Task RenewAsync(bool subscribed)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(subscribed ? IssuingFeedGrain.Renewal : RetryAfterFailure, _stop.Token);
                var missing = await TrySubscribeAsync();
                // Lost by the feed, or out of touch with it: pushes may have been missed.
                var resync = missing == true || (missing is not null && !subscribed);
                subscribed = missing is not null;
                if (resync)
                {
                    _logger.LogInformation("The {View} page of {Tenant} subscribed again to its issuing feed and reads everything.", _view, _tenant);
                    await ChangedAsync(IssuingChange.Everything);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <returns>Whether the feed did not know this observer, or null when the feed could not be reached.</returns>
    private async Task<bool?> TrySubscribeAsync()
    {
        try
        {
            return await _feed.SubscribeAsync(_reference);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            _logger.LogWarning(failure, "The {View} page of {Tenant} could not subscribe to its issuing feed; trying again in {Delay}.", _view, _tenant, RetryAfterFailure);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        try
        {
            await _feed.UnsubscribeAsync(_reference);
        }
        catch (Exception failure)
        {
            // Best effort: the feed drops an observer that stops renewing anyway.
            _logger.LogDebug(failure, "The {View} page of {Tenant} could not unsubscribe from its issuing feed.", _view, _tenant);
        }
        _grains.DeleteObjectReference<IIssuingFeedObserver>(_reference);
        _stop.Dispose();
    }
}
