using System.Collections.Concurrent;

namespace Consortium.StripeSimulator.Api;

/// <summary>A POST sent again with the same <c>Idempotency-Key</c> gets the first answer and changes nothing
/// (https://docs.stripe.com/api/idempotent_requests).</summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _answers = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var key = request.Headers["Idempotency-Key"].ToString();
        if (request.Method != HttpMethods.Post || key.Length == 0)
        {
            return await next(context);
        }
        var answer = _answers.GetOrAdd($"{request.Path}|{key}", _ => new Lazy<Task<object?>>(() => next(context).AsTask()));
        return await answer.Value;
    }
}
