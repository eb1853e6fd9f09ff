namespace Consortium.StripeSimulator.State;

// The objects the look-alike keeps, mutable and guarded by StripeStore's lock. Amounts are in the currency's smallest
// unit and times are Unix seconds, as Stripe's API has them.

public sealed class Customer
{
    public required string Id { get; init; }
    public string? Email { get; set; }
    public string? Name { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public long Created { get; init; }
}

public sealed record Price(string Id, string Product, string ProductName, long UnitAmount, string Currency, string Interval, long Created)
{
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>A metered price's billing meter (<c>recurring[meter]</c>): billed by usage, never by quantity.</summary>
    public string? Meter { get; init; }

    public string UsageType => Meter is null ? "licensed" : "metered";
}

/// <summary>A billing meter: the meter events of one event name, summed per customer.</summary>
public sealed record Meter(string Id, string DisplayName, string EventName, string Formula, long Created);

public sealed class CheckoutSession
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required List<(Price Price, long Quantity)> LineItems { get; init; }
    public required string SuccessUrl { get; init; }
    public required string CancelUrl { get; init; }
    public string? ClientReferenceId { get; init; }
    public Dictionary<string, string> Metadata { get; init; } = [];
    public Dictionary<string, string> SubscriptionMetadata { get; init; } = [];
    public string Status { get; set; } = "open";
    public string? SubscriptionId { get; set; }
    public long Created { get; init; }
}

public sealed class SubscriptionItem
{
    public required string Id { get; init; }
    public required Price Price { get; set; }
    public long Quantity { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public long Created { get; init; }
}

public sealed class Subscription
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required List<SubscriptionItem> Items { get; init; }
    public Dictionary<string, string> Metadata { get; set; } = [];
    public string Status { get; set; } = "active";
    public long CurrentPeriodStart { get; set; }
    public long CurrentPeriodEnd { get; set; }
    public long Created { get; init; }
    public long? CanceledAt { get; set; }
    public string? LatestInvoiceId { get; set; }
    /// <summary>Proration lines waiting for the next invoice (<c>proration_behavior=create_prorations</c>).</summary>
    public List<InvoiceLine> PendingLines { get; } = [];
    public string Currency => Items[0].Price.Currency;
}

public sealed record InvoiceLine(string Id, long Amount, string Description, long Quantity, bool Proration, long PeriodStart, long PeriodEnd, string? SubscriptionItemId);

public sealed class Invoice
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string SubscriptionId { get; init; }
    public required string Currency { get; init; }
    public required List<InvoiceLine> Lines { get; init; }
    public required string BillingReason { get; init; }
    public required string Number { get; init; }
    public long PeriodStart { get; init; }
    public long PeriodEnd { get; init; }
    public string Status { get; set; } = "open";
    public int AttemptCount { get; set; }
    public long? PaidAt { get; set; }
    public long Created { get; init; }
    public long Total => Lines.Sum(line => line.Amount);
}

public sealed record PortalSession(string Id, string CustomerId, string ReturnUrl, long Created);

public sealed record MeterEvent(string Identifier, string EventName, IReadOnlyDictionary<string, string> Payload, long Timestamp, long Created);

/// <summary>A webhook event: the object as it was when the event happened, and what its endpoint answered.</summary>
public sealed class StripeEvent
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required long Created { get; init; }
    public required System.Text.Json.Nodes.JsonObject Object { get; init; }
    public int? LastResponseStatus { get; set; }
    public int Attempts { get; set; }
}
