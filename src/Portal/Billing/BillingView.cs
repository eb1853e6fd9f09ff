using Consortium.Grains.Billing;

namespace Consortium.Portal.Billing;

/// <summary>A consortium's billing as the dashboard and <c>GET /api/v1/consortia/{c}/billing</c> show it. Amounts in the currency's main unit.</summary>
public sealed record BillingView(
    bool Configured,
    string Status,
    string? Plan,
    string? Currency,
    string? SubscriptionId,
    DateTimeOffset? CurrentPeriodEnd,
    DateTimeOffset? GraceEndsAt,
    bool InGrace,
    bool InvoicedOutsideStripe,
    decimal? YearlyTotal,
    IReadOnlyList<BillingMemberView> Members,
    IReadOnlyList<BillingInvoiceView> Invoices,
    IReadOnlyList<string> Plans,
    IReadOnlyList<BillingUsageView> Usage,
    PendingQuantityUpdate? PendingUpdate);

public sealed record BillingMemberView(string Tenant, string Name, string Tier, decimal? YearlyPrice);

/// <summary>One member organisation's production usage in one month (<c>yyyy-MM</c>, UTC).</summary>
public sealed record BillingUsageView(string Tenant, string Month, int ResearchersConnected, int IssuancesWritten)
{
    public static BillingUsageView Of(string tenant, UsageMonth month) => new(tenant, month.Month, month.ResearchersConnected, month.IssuancesWritten);
}

public sealed record BillingInvoiceView(string Id, string? Number, string Status, decimal Amount, string Currency, DateTimeOffset Created, string? Url)
{
    public static BillingInvoiceView Of(BillingInvoice invoice) =>
        new(invoice.Id, invoice.Number, invoice.Status, invoice.Amount / 100m, invoice.Currency, invoice.Created, invoice.Url);
}

public static class BillingStatusNames
{
    /// <summary>As Stripe writes them: <c>none</c>, <c>active</c>, <c>trialing</c>, <c>past_due</c>, <c>canceled</c>.</summary>
    public static string Name(this BillingStatus status) => status switch
    {
        BillingStatus.PastDue => "past_due",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static BillingStatus FromStripe(string? status) => status switch
    {
        "active" => BillingStatus.Active,
        "trialing" => BillingStatus.Trialing,
        "past_due" or "unpaid" or "incomplete" or "paused" => BillingStatus.PastDue,
        "canceled" or "incomplete_expired" => BillingStatus.Canceled,
        _ => BillingStatus.None,
    };
}
