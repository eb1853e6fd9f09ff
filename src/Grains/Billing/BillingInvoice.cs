namespace Consortium.Grains.Billing;

/// <summary>One of Stripe's invoices for the consortium. <paramref name="Amount"/> is in the currency's smallest unit.</summary>
[GenerateSerializer, Immutable]
public sealed record BillingInvoice(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Number,
    [property: Id(2)] string Status,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] DateTimeOffset Created,
    [property: Id(6)] DateTimeOffset? PeriodEnd,
    [property: Id(7)] string? Url)
{
    /// <summary>How far along Stripe's invoice states are: a late event never takes a paid invoice back to open.</summary>
    public int Rank => Status switch { "draft" => 0, "open" => 1, "uncollectible" => 2, "paid" or "void" => 3, _ => 0 };
}
