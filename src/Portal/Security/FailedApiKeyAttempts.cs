using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Security;

/// <summary>
/// Wrong API keys per client IP (the <c>RateLimits:Anonymous</c> budget). Once a client has used it up, no key of
/// its is even checked until the window passes, so a right guess looks like every wrong one: 429.
/// </summary>
public sealed class FailedApiKeyAttempts(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.Anonymous.PermitLimit,
            Window = options.Value.Anonymous.Window,
            QueueLimit = 0,
        }));

    /// <summary>Whether <paramref name="client"/> may present a key now; if not, how long until it may.</summary>
    public bool MayTry(string client, out TimeSpan retryAfter)
    {
        // Asking for no permit only looks: it succeeds while any is left.
        using var lease = _failures.AttemptAcquire(client, 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero;
        return lease.IsAcquired;
    }

    public void Failed(string client) => _failures.AttemptAcquire(client).Dispose();

    public void Dispose() => _failures.Dispose();
}
