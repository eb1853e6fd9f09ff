namespace Consortium.Grains.Billing;

/// <summary>A consortium's subscription, as Stripe names its states (https://docs.stripe.com/api/subscriptions/object#subscription_object-status);
/// Stripe's <c>incomplete</c>, <c>unpaid</c> and <c>paused</c> count as <see cref="PastDue"/>.</summary>
public enum BillingStatus
{
    None,
    Active,
    Trialing,
    PastDue,
    Canceled,
}
