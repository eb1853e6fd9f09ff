using Consortium.Orcid;
using Consortium.Grains.Live;

namespace Consortium.Portal.Live;

/// <summary>Subscribes pages to a tenant's issuing changes, pushed by <see cref="IssuingFeedGrain"/>.</summary>
public sealed class IssuingFeed(IGrainFactory grains, ILogger<IssuingFeedSubscription> logger)
{
    /// <param name="view">The page, for <see cref="LiveUpdateMetrics"/>: <c>issuing</c> or <c>batch</c>.</param>
    /// <param name="changed">Called on each push; a page re-renders through its own dispatcher (<c>InvokeAsync</c>).</param>
    public Task<IssuingFeedSubscription> SubscribeAsync(string tenant, OrcidEnvironment environment, string view, Func<IssuingChange, Task> changed) =>
        IssuingFeedSubscription.StartAsync(grains, tenant, environment, view, changed, logger);
}
