using Consortium.Grains.Billing;
using Stripe;

namespace Consortium.Portal.Billing;

/// <summary>Stripe.net's objects reduced to what the billing grain keeps: by the webhook endpoint, and by a billing read that
/// recovers a checkout whose webhooks were lost.</summary>
public static class StripeSnapshots
{
    public static SubscriptionSnapshot Of(Subscription subscription, DateTimeOffset readAt) =>
        new(subscription.Id, BillingStatusNames.FromStripe(subscription.Status),
            subscription.Items.Data.Select(i => (DateTimeOffset?)Utc(i.CurrentPeriodEnd)).Max(),
            subscription.Items.Data.Where(i => i.Price.Metadata?.ContainsKey("tier") == true).ToDictionary(i => i.Price.Metadata["tier"], i => i.Id),
            readAt, subscription.Metadata?.GetValueOrDefault("plan"));

    public static BillingInvoice Of(Invoice invoice) =>
        new(invoice.Id, invoice.Number, invoice.Status, invoice.Total, invoice.Currency, Utc(invoice.Created), Utc(invoice.PeriodEnd), invoice.HostedInvoiceUrl);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
