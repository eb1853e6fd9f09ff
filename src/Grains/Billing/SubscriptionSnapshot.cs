namespace Consortium.Grains.Billing;

/// <summary>The subscription as Stripe answered it at <paramref name="ReadAt"/>; a snapshot read before the last one applied is stale.</summary>
/// <param name="Items">Tier (or <c>fee</c>, <c>overage</c>) → Stripe's subscription item id.</param>
[GenerateSerializer, Immutable]
public sealed record SubscriptionSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] BillingStatus Status,
    [property: Id(2)] DateTimeOffset? CurrentPeriodEnd,
    [property: Id(3)] IReadOnlyDictionary<string, string> Items,
    [property: Id(4)] DateTimeOffset ReadAt,
    [property: Id(5)] string? Plan);
