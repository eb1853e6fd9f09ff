using Consortium.Grains.Billing;
using Consortium.Grains.Interfaces;
using Consortium.Portal.Audit;
using Microsoft.Extensions.Options;
using Stripe;

namespace Consortium.Portal.Billing;

/// <summary>
/// A checkout was started and no subscription came of it yet: Stripe is asked how the checkout went, in case it was paid and
/// its webhooks were lost (the endpoint down, a wrong secret). A paid one's subscription and invoices are applied as the
/// webhooks would have; an expired one is forgotten. Stripe unreachable leaves the state as it is, for the next read.
/// </summary>
public sealed class CheckoutReadBack(IGrainFactory grains, IOptions<BillingOptions> options, StripeGateway stripe, AuditLog audit, TimeProvider clock,
    ILogger<CheckoutReadBack> logger)
{
    private static readonly AuditActor Actor = new("Stripe (read back)", null);

    public async Task ReadBackAsync(string consortium)
    {
        var billing = grains.GetConsortiumBilling(consortium);
        if (!options.Value.Configured || (await billing.GetAsync()).CheckoutSessionId is not { } sessionId)
        {
            return;
        }
        try
        {
            var session = await new Stripe.Checkout.SessionService(stripe.Client).GetAsync(sessionId);
            if (session.Status == "expired")
            {
                await billing.SetCheckoutAsync(null);
                return;
            }
            if (session.Status != "complete" || session.SubscriptionId is not { } subscriptionId)
            {
                return;
            }
            var readAt = clock.GetUtcNow();
            var subscription = await new SubscriptionService(stripe.Client).GetAsync(subscriptionId);
            var invoices = await new InvoiceService(stripe.Client).ListAsync(new InvoiceListOptions { Subscription = subscriptionId, Limit = 100 });
            var snapshot = StripeSnapshots.Of(subscription, readAt);
            // Ids of their own: the real events, should they arrive after all, still apply (and change nothing).
            var recovered = new BillingEvent($"read:{session.Id}", "billing.checkout.recovered", subscription.CustomerId, snapshot, null);
            if (await billing.ApplyAsync(recovered))
            {
                await audit.RecordAsync(Actor, recovered.Action, $"{session.Id}: {snapshot.Status.Name()}", consortium);
            }
            foreach (var invoice in invoices.Data)
            {
                await billing.ApplyAsync(new BillingEvent($"read:{invoice.Id}:{invoice.Status}", "billing.invoice.recovered", subscription.CustomerId, null,
                    StripeSnapshots.Of(invoice)));
            }
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException)
        {
            logger.LogWarning("Could not read checkout {Session} back from Stripe: {Reason}", sessionId, (exception as StripeException)?.StripeError?.Message ?? exception.Message);
        }
    }
}
