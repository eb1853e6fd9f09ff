using System.Threading.RateLimiting;
using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Options;

namespace Consortium.Orcid.Http;

/// <summary>One token bucket per ORCID client (ORCID's limit is per client), shared by every HttpClient
/// of the process. Requests over the limit wait in line instead of drawing ORCID's 503.</summary>
public sealed class OrcidRateLimiter : IDisposable
{
    // Large enough that a batch never fails for want of a place in the queue; each waiter is only a task.
    const int QueueLimit = 100_000;

    readonly PartitionedRateLimiter<string> limiter;

    public OrcidRateLimiter(IOptions<OrcidOptions> options)
    {
        var settings = options.Value;
        // Tokens trickle in one at a time so the pace stays even and never runs ahead of ORCID's own bucket.
        var replenishment = TimeSpan.FromSeconds(1.0 / settings.RequestsPerSecond);
        limiter = PartitionedRateLimiter.Create<string, string>(clientId => RateLimitPartition.GetTokenBucketLimiter(
            clientId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = replenishment,
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    public ValueTask<RateLimitLease> AcquireAsync(string clientId, CancellationToken cancellationToken) =>
        limiter.AcquireAsync(clientId, 1, cancellationToken);

    public void Dispose() => limiter.Dispose();
}
