using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Options;

namespace Consortium.Orcid.Http;

/// <summary>One bucket per ORCID client and API (ORCID's limit is per client; the public API's, 12 a second, is apart
/// from the member API's, 24 a second), drawn from <see cref="IOrcidPermitSource"/> by every HttpClient of the process.
/// Requests over the limit wait in line instead of drawing ORCID's 503.
/// Reads go ahead of writes: writes take turns to wait in the bucket's line, one per client at a time, so a read
/// (a verification) waits behind at most one write however long a bulk write's backlog is, and writes still use every permit.</summary>
public sealed class OrcidRateLimiter : IDisposable
{
    readonly IOrcidPermitSource permits;
    readonly OrcidRateLimit memberLimit;
    readonly OrcidRateLimit publicLimit;
    readonly PartitionedRateLimiter<string> writeTurns;
    readonly ConcurrentDictionary<string, StrongBox<int>> waiting = new();

    /// <summary>Starts the key of a public API call's bucket.</summary>
    public const string PublicPrefix = "public:";

    public OrcidRateLimiter(IOptions<OrcidOptions> options, IOrcidPermitSource permits)
    {
        var settings = options.Value;
        this.permits = permits;
        memberLimit = new OrcidRateLimit(settings.RequestsPerSecond, settings.Burst);
        publicLimit = new OrcidRateLimit(settings.PublicRequestsPerSecond, settings.PublicBurst);
        writeTurns = PartitionedRateLimiter.Create<string, string>(clientId => RateLimitPartition.GetConcurrencyLimiter(
            clientId,
            _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = LocalPermitSource.QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
    }

    /// <summary>Waits until a request for the key may be sent.</summary>
    /// <param name="read">A read (GET), served before the client's waiting writes.</param>
    /// <exception cref="InvalidOperationException">The client's line is full.</exception>
    public async ValueTask AcquireAsync(string key, bool read, CancellationToken cancellationToken)
    {
        var limit = key.StartsWith(PublicPrefix, StringComparison.Ordinal) ? publicLimit : memberLimit;
        var inLine = waiting.GetOrAdd(key, _ => new StrongBox<int>());
        Interlocked.Increment(ref inLine.Value);
        try
        {
            if (read)
            {
                await permits.AcquireAsync(key, limit, Volatile.Read(ref inLine.Value), cancellationToken);
                return;
            }
            using var turn = await writeTurns.AcquireAsync(key, 1, cancellationToken);
            if (!turn.IsAcquired)
            {
                throw new InvalidOperationException($"The ORCID rate-limit queue of client {key} is full.");
            }
            // The writes still waiting for their turn count too: they follow this one at once.
            await permits.AcquireAsync(key, limit, Volatile.Read(ref inLine.Value), cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref inLine.Value);
        }
    }

    public void Dispose() => writeTurns.Dispose();
}
