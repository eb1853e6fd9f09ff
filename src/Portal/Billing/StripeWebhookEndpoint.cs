using Consortium.Grains.Billing;
using Consortium.Grains.Interfaces;
using Consortium.Portal.Audit;
using Microsoft.Extensions.Options;
using Stripe;

namespace Consortium.Portal.Billing;

/// <summary>
/// <c>POST /webhooks/stripe</c>: Stripe's events, verified with the endpoint secret (Stripe.net's
/// <see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>), each applied once. The subscription is
/// read again from Stripe for every event, so events arriving out of order never move the state backwards.
/// </summary>
public static class StripeWebhookEndpoint
{
    /// <summary>Stripe's own tolerance for the signature's timestamp (five minutes).</summary>
    public const long ToleranceSeconds = 300;

    public static void MapStripeWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/stripe", ReceiveAsync).DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<BillingOptions> options, StripeGateway stripe, IGrainFactory grains,
        AuditLog audit, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(StripeWebhookEndpoint));
        if (!options.Value.Configured || options.Value.Stripe.WebhookSecret is not { } secret)
        {
            return Results.NotFound();
        }
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync();
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, request.Headers["Stripe-Signature"], secret, ToleranceSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: true);
        }
        catch (StripeException exception)
        {
            logger.LogWarning("Refused a Stripe webhook: {Reason}", exception.Message);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Stripe webhook is not valid.", detail: exception.Message);
        }

        var subscriptionId = stripeEvent.Data.Object switch
        {
            Stripe.Checkout.Session session => session.SubscriptionId,
            Subscription subscription => subscription.Id,
            Invoice bill => bill.Parent?.SubscriptionDetails?.SubscriptionId,
            _ => null,
        };
        if (subscriptionId is null)
        {
            logger.LogInformation("Stripe event {EventId} ({Type}) names no subscription: nothing to apply", stripeEvent.Id, stripeEvent.Type);
            return Results.Ok();
        }
        // The subscription as it is now, not as the event saw it: a late event then applies the current state.
        var readAt = clock.GetUtcNow();
        var current = await new SubscriptionService(stripe.Client).GetAsync(subscriptionId);
        if (current.Metadata?.GetValueOrDefault("consortium") is not { } consortium)
        {
            logger.LogInformation("Stripe event {EventId} ({Type}): subscription {Subscription} is no consortium's", stripeEvent.Id, stripeEvent.Type, subscriptionId);
            return Results.Ok();
        }
        var snapshot = StripeSnapshots.Of(current, readAt);
        var invoice = stripeEvent.Data.Object is Invoice paid ? StripeSnapshots.Of(paid) : null;
        var action = $"billing.{stripeEvent.Type}";
        var billingEvent = new BillingEvent(stripeEvent.Id, action, current.CustomerId, snapshot, invoice);
        if (await grains.GetConsortiumBilling(consortium).ApplyAsync(billingEvent))
        {
            await audit.RecordAsync(new AuditActor("Stripe (webhook)", null), action, $"{stripeEvent.Id}: {snapshot.Status.Name()}", consortium);
        }
        return Results.Ok();
    }

}
