namespace Consortium.Orcid.Http;

/// <summary>Waits for the client's rate-limit token before each attempt, retries included.</summary>
internal sealed class RateLimitHandler(OrcidRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(request.RateLimitKey(), cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"The ORCID rate-limit queue for client {request.RateLimitKey()} is full.");
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
