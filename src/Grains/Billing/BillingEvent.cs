namespace Consortium.Grains.Billing;

/// <summary>One Stripe webhook event, reduced to what the consortium's billing keeps.</summary>
/// <param name="Id">Stripe's event id: each is applied once.</param>
/// <param name="Action">The audit action, e.g. <c>billing.invoice.paid</c>.</param>
[GenerateSerializer, Immutable]
public sealed record BillingEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Action,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] SubscriptionSnapshot? Subscription,
    [property: Id(4)] BillingInvoice? Invoice);
