namespace Consortium.Grains.Billing;

/// <summary>What a consortium's billing grain stores, and shows.</summary>
[GenerateSerializer, Immutable, Alias("ConsortiumBilling")]
public sealed record ConsortiumBilling
{
    [Id(0)] public string? CustomerId { get; init; }
    [Id(1)] public string? SubscriptionId { get; init; }
    [Id(2)] public string? Plan { get; init; }
    [Id(3)] public BillingStatus Status { get; init; }
    [Id(4)] public DateTimeOffset? CurrentPeriodEnd { get; init; }
    [Id(5)] public DateTimeOffset? GraceEndsAt { get; init; }
    /// <summary>Newest first.</summary>
    [Id(6)] public IReadOnlyList<BillingInvoice> Invoices { get; init; } = [];
    /// <summary>The last <see cref="ConsortiumBillingGrain.RememberedEvents"/> event ids applied, so a replay changes nothing.</summary>
    [Id(7)] public IReadOnlyList<string> AppliedEventIds { get; init; } = [];
    /// <summary>When the subscription applied last was read from Stripe: an older snapshot never moves the state back.</summary>
    [Id(8)] public DateTimeOffset? SubscriptionReadAt { get; init; }
    /// <summary>Member organisation slug → tier (small, standard, large).</summary>
    [Id(9)] public IReadOnlyDictionary<string, string> Tiers { get; init; } = new Dictionary<string, string>();
    /// <summary>Tier (or <c>fee</c>) → Stripe's subscription item id.</summary>
    [Id(10)] public IReadOnlyDictionary<string, string> Items { get; init; } = new Dictionary<string, string>();
    /// <summary>The operator bills this consortium outside Stripe: counts as active.</summary>
    [Id(11)] public bool InvoicedOutsideStripe { get; init; }
    /// <summary>The checkout started last, until a subscription is known: a read asks Stripe for it in case its webhooks were lost.</summary>
    [Id(12)] public string? CheckoutSessionId { get; init; }
    /// <summary>A quantity change Stripe refused, waiting to be tried again; null when the subscription matches the members.</summary>
    [Id(13)] public PendingQuantityUpdate? PendingUpdate { get; init; }
}
