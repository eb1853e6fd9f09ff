namespace Consortium.Orcid.Http;

/// <summary>Where <see cref="OrcidRateLimiter"/> gets its permits, one per request. ORCID's bucket is per client, so every
/// process sending for one client must draw from one bucket: by default the bucket is the process's own
/// (<see cref="LocalPermitSource"/>); a host in a cluster replaces it with one the cluster shares.</summary>
public interface IOrcidPermitSource
{
    /// <summary>Waits until one request for <paramref name="key"/> may be sent.</summary>
    /// <param name="key">The client and API (<see cref="OrcidRateLimiter.PublicPrefix"/>) the request counts against.</param>
    /// <param name="demand">How many requests of this process wait for this key now, this one included: a source that
    /// fetches permits in batches fetches no more than will be used.</param>
    /// <exception cref="InvalidOperationException">The line for the key is full.</exception>
    ValueTask AcquireAsync(string key, OrcidRateLimit limit, int demand, CancellationToken cancellationToken);
}
