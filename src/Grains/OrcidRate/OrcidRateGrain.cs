using Consortium.Grains.Interfaces;

namespace Consortium.Grains.OrcidRate;

/// <summary>
/// The cluster's token bucket for one ORCID client and API, handing out permits in small leases. Kept in memory only: the
/// state is a second's worth of arithmetic and a new activation starts conservatively instead of reading it back.
/// <para>Why requests stay within ORCID's bucket: a lease is scheduled like a request of a token bucket that may go into
/// debt (its permits start when the bucket would have held them), and each host uses a lease's permits within
/// <see cref="LeaseLifetime"/> of that start. Requests sent within that window of a compliant schedule fit a bucket of
/// <see cref="Capacity"/> + rate × (<see cref="LeaseLifetime"/> + <see cref="Jitter"/>), which is ORCID's burst.</para>
/// <para>The bucket never goes deeper than <see cref="MaxAhead"/> into debt, and a new activation, here after the
/// previous one's silo died, starts at that depth: at or below wherever the previous activation left the bucket, so leases
/// it granted and hosts still use are never granted twice.</para>
/// </summary>
public sealed class OrcidRateGrain(TimeProvider clock) : Grain, IOrcidRateGrain
{
    /// <summary>A host uses a lease's permits within this time of their start; unused ones are lost.</summary>
    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromMilliseconds(250);

    /// <summary>How much a request's trip to ORCID may vary: requests sent evenly may arrive bunched by this much.</summary>
    public static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(100);

    /// <summary>The furthest ahead permits are scheduled, so hosts waiting together wait in turn without the bucket running up a long debt.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMilliseconds(500);

    double tokens;
    long stamp;
    bool started;

    public Task<OrcidPermitLease> LeaseAsync(int wanted, int perSecond, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var now = clock.GetTimestamp();
        var deepest = -perSecond * MaxAhead.TotalSeconds;
        if (!started)
        {
            (tokens, stamp, started) = (deepest, now, true);
        }
        tokens = Math.Min(Capacity(perSecond, burst), tokens + clock.GetElapsedTime(stamp, now).TotalSeconds * perSecond);
        stamp = now;

        var permits = Math.Clamp(wanted, 1, LargestLease(perSecond));
        if (tokens - permits < deepest)
        {
            return Task.FromResult(new OrcidPermitLease(0, TimeSpan.FromSeconds((deepest + permits - tokens) / perSecond), LeaseLifetime));
        }
        tokens -= permits;
        var delay = tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / perSecond);
        return Task.FromResult(new OrcidPermitLease(permits, delay, LeaseLifetime));
    }

    /// <summary>ORCID's burst less what requests sent within a lease's lifetime (and bunched by the trip) may add to it.</summary>
    public static int Capacity(int perSecond, int burst) =>
        Math.Max(1, burst - (int)Math.Ceiling(perSecond * (LeaseLifetime + Jitter).TotalSeconds));

    /// <summary>A quarter second's worth: few lease calls, little lost when a host dies.</summary>
    public static int LargestLease(int perSecond) => Math.Max(1, perSecond / 4);
}
