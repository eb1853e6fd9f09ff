using System.Threading.RateLimiting;

namespace Consortium.Orcid.Http;

/// <summary>A token bucket per key in this process, as ORCID keeps one per client: right when this process is the only one
/// sending for its clients.</summary>
public sealed class LocalPermitSource : IOrcidPermitSource, IDisposable
{
    // Large enough that a batch never fails for want of a place in the queue; each waiter is only a task.
    internal const int QueueLimit = 100_000;

    readonly PartitionedRateLimiter<(string Key, OrcidRateLimit Limit)> buckets = PartitionedRateLimiter.Create<(string Key, OrcidRateLimit Limit), string>(
        request => RateLimitPartition.GetTokenBucketLimiter(request.Key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = request.Limit.Burst,
            TokensPerPeriod = 1,
            // Tokens trickle in one at a time so the pace stays even and never runs ahead of ORCID's own bucket.
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / request.Limit.PerSecond),
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

    public async ValueTask AcquireAsync(string key, OrcidRateLimit limit, int demand, CancellationToken cancellationToken)
    {
        using var lease = await buckets.AcquireAsync((key, limit), 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"The ORCID rate-limit queue of client {key} is full.");
        }
    }

    public void Dispose() => buckets.Dispose();
}
