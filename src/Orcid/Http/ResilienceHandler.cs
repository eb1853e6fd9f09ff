using System.Net;
using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Consortium.Orcid.Http;

/// <summary>Every attempt, retries included, first waits for the client's rate-limit token, then gets
/// <see cref="OrcidOptions.AttemptTimeout"/> to answer. The wait in line is outside the timeout, so a large batch
/// queues instead of timing out. Only transient failures are retried, with jittered exponential backoff or ORCID's
/// Retry-After (up to <see cref="OrcidOptions.MaxRetryAfter"/>), and a POST only when a repeat is harmless (see <see cref="OrcidRequestOptions.RetrySafe"/>).</summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Orcid.Request");

    readonly OrcidRateLimiter limiter;
    readonly ResiliencePipeline<HttpResponseMessage> retry;
    readonly ResiliencePipeline attemptTimeout;

    public ResilienceHandler(OrcidOptions options, OrcidRateLimiter limiter, TimeProvider timeProvider, ILogger logger)
    {
        this.limiter = limiter;
        retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, RequestOf(args.Context), options.MaxRetryAfter, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    var request = RequestOf(args.Context);
                    logger.LogWarning(
                        "ORCID {Method} {Path} failed with {Failure}; retry {Attempt} in {Delay}",
                        request.Method, request.RequestUri?.AbsolutePath, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.AttemptTimeout).Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await retry.ExecuteOutcomeAsync(
                async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await SendAttemptAsync(state, ctx.CancellationToken));
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !ctx.CancellationToken.IsCancellationRequested)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                request);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync(request.RateLimitKey(), request.IsRead(), cancellationToken);
        return await attemptTimeout.ExecuteAsync(
            async (state, ct) => await state.Handler.BaseSendAsync(state.Request, ct),
            (Handler: this, Request: request),
            cancellationToken);
    }

    Task<HttpResponseMessage> BaseSendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    static HttpRequestMessage RequestOf(ResilienceContext context) => context.Properties.GetValue(RequestKey, null!);

    static bool IsTransient(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, TimeSpan maxRetryAfter, TimeProvider timeProvider) => outcome switch
    {
        // Told to wait longer than is worth waiting: fail now rather than hold the caller.
        { Result: { } response } when RetryAfter(response, timeProvider) > maxRetryAfter => false,
        // ORCID refuses over-limit requests before handling them, so a 503 is safe to repeat even for a POST.
        { Result.StatusCode: HttpStatusCode.ServiceUnavailable } => true,
        // A 429 that says when to come back is a limit that will pass; without Retry-After (the public API's daily quota,
        // orcid-pub-web/src/main/java/org/orcid/api/filters/ApiRateLimitFilter.java) it lasts until tomorrow.
        { Result: { StatusCode: HttpStatusCode.TooManyRequests, Headers.RetryAfter: not null } } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 && request.IsRetrySafe(),
        { Exception: HttpRequestException or TimeoutRejectedException } => request.IsRetrySafe(),
        _ => false,
    };

    static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta + Jitter(),
        { Date: { } date } => date - timeProvider.GetUtcNow() + Jitter(),
        _ => null,
    };

    // Spreads the clients that were all told the same Retry-After.
    static TimeSpan Jitter() => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100));

    static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.GetType().Name ?? $"status {(int)outcome.Result!.StatusCode}";
}
