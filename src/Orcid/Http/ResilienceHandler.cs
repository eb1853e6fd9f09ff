using System.Net;
using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Consortium.Orcid.Http;

/// <summary>Total timeout, retries with jittered exponential backoff (or ORCID's Retry-After), attempt timeout.
/// Only transient failures are retried, and a POST only when a repeat is harmless (see <see cref="OrcidRequestOptions.RetrySafe"/>).</summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Orcid.Request");

    readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public ResilienceHandler(OrcidOptions options, TimeProvider timeProvider, ILogger logger)
    {
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!))),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    logger.LogWarning(
                        "ORCID {Method} {Path} failed with {Failure}; retry {Attempt} in {Delay}",
                        request.Method, request.RequestUri?.AbsolutePath, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                async (ctx, state) => Outcome.FromResult(await base.SendAsync(state, ctx.CancellationToken)),
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

    static bool IsTransient(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request) => outcome switch
    {
        // ORCID refuses over-limit requests before handling them, so a 503 is safe to repeat even for a POST.
        { Result.StatusCode: HttpStatusCode.ServiceUnavailable } => true,
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
