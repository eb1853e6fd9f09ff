using System.Threading.RateLimiting;
using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Options;

namespace Consortium.Orcid.Http;

/// <summary>One token bucket per ORCID client and API (ORCID's limit is per client; the public API's, 12 a second, is apart
/// from the member API's, 24 a second), shared by every HttpClient of the process. Requests over the limit wait in line instead of drawing ORCID's 503.
/// Reads go ahead of writes: writes take turns to wait in the bucket's line, one per client at a time, so a read
/// (a verification) waits behind at most one write however long a bulk write's backlog is, and writes still use every token.</summary>
public sealed class OrcidRateLimiter : IDisposable
{
    // Large enough that a batch never fails for want of a place in the queue; each waiter is only a task.
    const int QueueLimit = 100_000;

    readonly PartitionedRateLimiter<string> bucket;
    readonly PartitionedRateLimiter<string> writeTurns;

    /// <summary>Starts the key of a public API call's bucket.</summary>
    public const string PublicPrefix = "public:";

    public OrcidRateLimiter(IOptions<OrcidOptions> options)
    {
        var settings = options.Value;
        bucket = PartitionedRateLimiter.Create<string, string>(key =>
        {
            var (perSecond, burst) = key.StartsWith(PublicPrefix, StringComparison.Ordinal)
                ? (settings.PublicRequestsPerSecond, settings.PublicBurst)
                : (settings.RequestsPerSecond, settings.Burst);
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                // Tokens trickle in one at a time so the pace stays even and never runs ahead of ORCID's own bucket.
                ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / perSecond),
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });
        writeTurns = PartitionedRateLimiter.Create<string, string>(clientId => RateLimitPartition.GetConcurrencyLimiter(
            clientId,
            _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
    }

    /// <param name="read">A read (GET), served before the client's waiting writes.</param>
    public async ValueTask<RateLimitLease> AcquireAsync(string clientId, bool read, CancellationToken cancellationToken)
    {
        if (read)
        {
            return await bucket.AcquireAsync(clientId, 1, cancellationToken);
        }
        var turn = await writeTurns.AcquireAsync(clientId, 1, cancellationToken);
        if (!turn.IsAcquired)
        {
            return turn;
        }
        using (turn)
        {
            return await bucket.AcquireAsync(clientId, 1, cancellationToken);
        }
    }

    public void Dispose()
    {
        writeTurns.Dispose();
        bucket.Dispose();
    }
}
