using System.Collections.Concurrent;
using Consortium.Grains.Interfaces;
using Consortium.Orcid.Http;

namespace Consortium.Grains.OrcidRate;

/// <summary>Permits from the cluster's bucket (<see cref="IOrcidRateGrain"/>), one per client and API, leased a few at a time:
/// every host sending for one client together stays within ORCID's limit for that client.</summary>
public sealed class LeasedPermitSource(IGrainFactory grains, TimeProvider clock) : IOrcidPermitSource
{
    readonly ConcurrentDictionary<string, LeasedBucket> buckets = new();

    public ValueTask AcquireAsync(string key, OrcidRateLimit limit, int demand, CancellationToken cancellationToken) =>
        buckets.GetOrAdd(key, k => new LeasedBucket(grains.GetGrain<IOrcidRateGrain>(k), clock)).AcquireAsync(limit, demand, cancellationToken);
}
