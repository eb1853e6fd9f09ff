using Consortium.Grains.Interfaces;
using Consortium.Orcid.Http;

namespace Consortium.Grains.OrcidRate;

/// <summary>This host's share of one client's cluster bucket: the permits of its current lease. The requests waiting
/// for it take them in turn (FIFO), and the one that finds the lease spent or expired fetches the next, so a host
/// has at most one lease call in flight per client.</summary>
internal sealed class LeasedBucket(IOrcidRateGrain grain, TimeProvider clock)
{
    readonly SemaphoreSlim turn = new(1, 1);
    int permits;
    long expires;

    public async ValueTask AcquireAsync(OrcidRateLimit limit, int demand, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            while (permits == 0 || clock.GetTimestamp() >= expires)
            {
                await RenewAsync(limit, demand, cancellationToken);
            }
            permits--;
        }
        finally
        {
            turn.Release();
        }
    }

    async Task RenewAsync(OrcidRateLimit limit, int demand, CancellationToken cancellationToken)
    {
        permits = 0;
        // The lifetime counts from before the call: however long the answer took, the permits end no later than the grain meant.
        var asked = clock.GetTimestamp();
        OrcidPermitLease lease;
        try
        {
            lease = await grain.LeaseAsync(demand, limit.PerSecond, limit.Burst);
        }
        catch (Exception unreachable) when (unreachable is not OperationCanceledException)
        {
            // A transient failure for the resilience pipeline, which retries with backoff (the grain comes back on another silo).
            throw new HttpRequestException("The cluster's ORCID rate limit did not answer.", unreachable);
        }
        await Task.Delay(lease.Delay, clock, cancellationToken);
        (permits, expires) = (lease.Permits, asked + (long)((lease.Delay + lease.ValidFor).TotalSeconds * clock.TimestampFrequency));
    }
}
