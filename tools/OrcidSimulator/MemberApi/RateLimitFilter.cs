using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Refuses a client's requests beyond its token bucket with 503 and <c>Retry-After</c>, before handling them.</summary>
public sealed class RateLimitFilter(ClientRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (BearerTokenFilter.TokenOf(context.HttpContext) is { } token && !limiter.TryAcquire(token.ClientId))
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return OrcidResults.RateLimited(token.ClientId);
        }
        return await next(context);
    }
}
