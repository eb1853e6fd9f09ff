namespace Consortium.OrcidSimulator.State;

/// <summary>
/// The public API's limits. Per second: 12 requests with bursts of 40 for anonymous callers and registered clients alike, over
/// which ORCID answers 503 (ORCID's "What are the API limits?" FAQ; enforced in front of the application, so not in ORCID-Source).
/// Per day (orcid-pub-web/src/main/java/org/orcid/api/filters/ApiRateLimitFilter.java): anonymous callers are counted per IP
/// address and the request that brings the count to <c>org.orcid.papi.rate.limit.anonymous.requests</c> (10000) is answered 429;
/// callers with a token are counted per client and never refused (at <c>known.requests</c> ORCID only emails the member).
/// </summary>
public sealed class PublicApiLimits(TimeProvider clock, OrcidSimulatorOptions options)
{
    readonly ClientRateLimiter perSecond = new(clock, options.PublicRequestsPerSecond, options.PublicBurst);
    readonly Lock gate = new();
    readonly Dictionary<string, (DateOnly Day, long Count)> anonymousToday = [];

    /// <param name="caller">The client id, or the IP address of an anonymous caller.</param>
    public bool TryAcquire(string caller) => perSecond.TryAcquire(caller);

    /// <summary>The caller's public API requests as the per-second limit counted them.</summary>
    public ClientTraffic TrafficOf(string caller) => perSecond.TrafficOf(caller);

    /// <summary>Counts an anonymous request; false when it is over today's quota.</summary>
    public bool CountAnonymous(string ipAddress)
    {
        lock (gate)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var count = anonymousToday.TryGetValue(ipAddress, out var seen) && seen.Day == today ? seen.Count + 1 : 1;
            anonymousToday[ipAddress] = (today, count);
            // ApiRateLimitFilter.rateLimitAnonymousRequest: refused when (limitValue + 1) >= anonymousRequestLimit.
            return count < options.PublicAnonymousDailyQuota;
        }
    }
}
