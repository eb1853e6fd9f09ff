using System.Security.Cryptography;
using System.Text;
using Consortium.StripeSimulator.State;

namespace Consortium.StripeSimulator.Webhooks;

/// <summary>
/// Posts events to the endpoint, signed as Stripe signs them: <c>Stripe-Signature: t={unix seconds},v1={hex HMAC-SHA256 of
/// "{t}.{payload}" with the endpoint secret}</c> (https://docs.stripe.com/webhooks#verify-manually; stripe-dotnet
/// src/Stripe.net/Services/Events/EventUtility.cs checks it so).
/// </summary>
public sealed class WebhookSender(StripeSimulatorOptions options, IHttpClientFactory http, ILogger<WebhookSender> logger)
{
    private Uri? _endpoint = options.WebhookUrl;

    /// <summary>The endpoint events go to; <c>POST /_sim/webhook</c> changes it.</summary>
    public Uri? Endpoint
    {
        get => _endpoint;
        set => _endpoint = value;
    }

    public static string Sign(string payload, string secret, long timestamp)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(hash)}";
    }

    /// <summary>Sends each event in turn and records what the endpoint answered. Stripe retries failed deliveries for days;
    /// here a failed one waits for <c>POST /_sim/events/{id}/resend</c>.</summary>
    public async Task SendAsync(IEnumerable<StripeEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var stripeEvent in events)
        {
            await SendAsync(stripeEvent, cancellationToken);
        }
    }

    public async Task<int?> SendAsync(StripeEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        if (Endpoint is not { } endpoint)
        {
            return null;
        }
        var payload = StripeJson.Of(stripeEvent, options.ApiVersion).ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", Sign(payload, options.WebhookSecret, options.Clock.GetUtcNow().ToUnixTimeSeconds()));
        stripeEvent.Attempts++;
        try
        {
            using var response = await http.CreateClient(nameof(WebhookSender)).SendAsync(request, cancellationToken);
            stripeEvent.LastResponseStatus = (int)response.StatusCode;
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning("Event {EventId} ({Type}) could not be delivered to {Endpoint}: {Message}", stripeEvent.Id, stripeEvent.Type, endpoint, exception.Message);
            stripeEvent.LastResponseStatus = null;
        }
        return stripeEvent.LastResponseStatus;
    }
}
