using Consortium.StripeSimulator.State;

namespace Consortium.StripeSimulator.Api;

/// <summary>The API answers only a caller presenting the secret key as a bearer token, 401 with Stripe's error otherwise.</summary>
public sealed class SecretKeyFilter(StripeSimulatorOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : "";
        var valid = options.SecretKey is { } expected ? key == expected : key.StartsWith("sk_test_", StringComparison.Ordinal);
        if (!valid)
        {
            var hint = key.Length > 4 ? $"{key[..Math.Min(8, key.Length)]}…{key[^4..]}" : "none";
            return Results.Json(StripeJson.Error($"Invalid API Key provided: {hint}"), statusCode: StatusCodes.Status401Unauthorized);
        }
        try
        {
            return await next(context);
        }
        catch (StripeRequestException exception)
        {
            return Results.Json(StripeJson.Error(exception.Message, param: exception.Param, code: exception.Code), statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
