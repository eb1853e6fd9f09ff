using System.Threading.RateLimiting;
using Consortium.Portal.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Security;

/// <summary>
/// ASP.NET Core's rate limiter: anonymous routes per client IP, the API per key (and per IP without a valid key), so
/// a flood of connects cannot fill the OAuth state store and API keys cannot be guessed quickly. Refused requests
/// answer 429 problem details with Retry-After before any endpoint runs.
/// </summary>
public static class RateLimits
{
    private static readonly PathString[] AnonymousRoutes = ["/t", "/invitations", "/webhooks", "/hooks", "/lti"];

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(options => options.Anonymous.PermitLimit > 0 && options.Api.PermitLimit > 0
                && options.Anonymous.Window > TimeSpan.Zero && options.Api.Window > TimeSpan.Zero,
                "RateLimits:{Anonymous,Api}:PermitLimit and Window must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<FailedApiKeyAttempts>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits.Value));
            limiter.OnRejected = RejectAsync;
        });
    }

    /// <summary>After sign-in is read and before anything answers; an API key is checked first, so its partition is known.</summary>
    public static void UseRateLimits(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api")
                && await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName) is { Succeeded: true } caller)
            {
                // The same result authorization reads later: the key is verified once per request.
                http.User = caller.Principal;
            }
            await next(http);
        });
        app.UseRateLimiter();
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions limits)
    {
        var path = http.Request.Path;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (path.StartsWithSegments("/api"))
        {
            return http.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName }
                ? Window("key:" + http.User.FindFirst(ApiClaims.KeyId)?.Value, limits.Api)
                : Window("api-ip:" + client, limits.Anonymous);
        }
        return AnonymousRoutes.Any(route => path.StartsWithSegments(route))
            ? Window("ip:" + client, limits.Anonymous)
            : RateLimitPartition.GetNoLimiter("none");
    }


    private static RateLimitPartition<string> Window(string key, RateLimitOptions.WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = RetryAfter.Seconds(retryAfter);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = $"Try again in {RetryAfter.Seconds(retryAfter)} seconds." },
        });
    }
}
