using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Applies <see cref="PublicApiLimits"/> before the public API handles a request: 503 with <c>Retry-After</c> over the
/// per-second limit, and for anonymous callers over the daily quota the 429 ORCID sends, a plain-text body with no
/// <c>Retry-After</c> (orcid-pub-web/src/main/java/org/orcid/api/filters/ApiRateLimitFilter.java, TOO_MANY_REQUESTS_MSG).</summary>
public sealed class PublicRateLimitFilter(PublicApiLimits limits) : IEndpointFilter
{
    const string TooManyRequests = "Too Many Requests. You have exceeded the daily quota for anonymous usage of this API. \n"
        + "You can increase your daily quota by registering for and using Public API client credentials "
        + "(https://info.orcid.org/documentation/integration-guide/registering-a-public-api-client/)";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var clientId = BearerTokenFilter.TokenOf(http)?.ClientId;
        var ipAddress = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limits.TryAcquire(clientId ?? ipAddress))
        {
            http.Response.Headers.RetryAfter = "1";
            return OrcidResults.PublicRateLimited();
        }
        if (clientId is null && !limits.CountAnonymous(ipAddress))
        {
            return Results.Text(TooManyRequests, "text/plain", statusCode: StatusCodes.Status429TooManyRequests);
        }
        return await next(context);
    }
}
