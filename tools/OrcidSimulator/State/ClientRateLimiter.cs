namespace Consortium.OrcidSimulator.State;

/// <summary>ORCID's member API limit: a token bucket per client, 24 requests a second with bursts of 40.
/// Tokens are computed from elapsed time, so the bucket has no timer to drift.</summary>
public sealed class ClientRateLimiter(TimeProvider timeProvider, double requestsPerSecond = 24, int burst = 40)
{
    sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens = tokens;
        public long Stamp = stamp;
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
                return false;
            }
            bucket.Tokens -= 1;
            return true;
        }
    }
}
