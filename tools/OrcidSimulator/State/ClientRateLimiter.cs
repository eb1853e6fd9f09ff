namespace Consortium.OrcidSimulator.State;

/// <summary>ORCID's member API limit: a token bucket per client, 24 requests a second with bursts of 40.
/// Tokens are computed from elapsed time, so the bucket has no timer to drift. Counts what it let through and what it
/// refused, per client, for tests and benchmarks to read from outside the client (<c>/_sim/clients/{id}/traffic</c>).</summary>
public sealed class ClientRateLimiter(TimeProvider timeProvider, double requestsPerSecond = 24, int burst = 40)
{
    sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens = tokens;
        public long Stamp = stamp;
        public ClientTraffic Traffic = new(0, 0, null, null);
    }

    readonly Lock gate = new();
    readonly Dictionary<string, Bucket> buckets = [];

    public bool TryAcquire(string clientId)
    {
        lock (gate)
        {
            var now = timeProvider.GetTimestamp();
            var bucket = buckets.TryGetValue(clientId, out var existing) ? existing : buckets[clientId] = new Bucket(burst, now);
            bucket.Tokens = Math.Min(burst, bucket.Tokens + timeProvider.GetElapsedTime(bucket.Stamp, now).TotalSeconds * requestsPerSecond);
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                bucket.Traffic = bucket.Traffic with { RateLimited = bucket.Traffic.RateLimited + 1 };
                return false;
            }
            bucket.Tokens -= 1;
            var at = timeProvider.GetUtcNow();
            bucket.Traffic = bucket.Traffic with { Accepted = bucket.Traffic.Accepted + 1, FirstAcceptedAt = bucket.Traffic.FirstAcceptedAt ?? at, LastAcceptedAt = at };
            return true;
        }
    }

    public ClientTraffic TrafficOf(string clientId)
    {
        lock (gate)
        {
            return buckets.TryGetValue(clientId, out var bucket) ? bucket.Traffic : new ClientTraffic(0, 0, null, null);
        }
    }
}

/// <summary>A client's member API requests as the rate limit saw them: let through, and refused with 503.</summary>
public sealed record ClientTraffic(long Accepted, long RateLimited, DateTimeOffset? FirstAcceptedAt, DateTimeOffset? LastAcceptedAt);
