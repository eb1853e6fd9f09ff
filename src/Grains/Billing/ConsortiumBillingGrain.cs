using Consortium.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Consortium.Grains.Billing;

public sealed class ConsortiumBillingGrain(
    [PersistentState("consortium-billing", GrainStorage.Name)] IPersistentState<ConsortiumBilling> state,
    IOptions<BillingRules> rules,
    TimeProvider clock) : Grain, IConsortiumBillingGrain
{
    /// <summary>Stripe retries an event for up to three days; far more than it sends a consortium in that time.</summary>
    public const int RememberedEvents = 500;

    public Task<ConsortiumBilling> GetAsync() => Task.FromResult(state.State);

    public Task<BillingStanding> GetStandingAsync() =>
        Task.FromResult(new BillingStanding(rules.Value.Enforced, state.State.Status, state.State.GraceEndsAt, state.State.InvoicedOutsideStripe));

    public Task<ConsortiumBilling> SetTierAsync(string tenant, string tier) =>
        SaveAsync(state.State with { Tiers = new Dictionary<string, string>(state.State.Tiers) { [tenant] = tier } });

    public Task<ConsortiumBilling> RemoveMemberAsync(string tenant) =>
        SaveAsync(state.State with { Tiers = state.State.Tiers.Where(t => t.Key != tenant).ToDictionary() });

    public Task SetCustomerAsync(string customerId, string plan) => SaveAsync(state.State with { CustomerId = customerId, Plan = plan });

    public Task SetCheckoutAsync(string? sessionId) => SaveAsync(state.State with { CheckoutSessionId = sessionId });

    public Task SetPendingUpdateAsync(PendingQuantityUpdate? pending) => SaveAsync(state.State with { PendingUpdate = pending });

    public Task<ConsortiumBilling> SetInvoicedOutsideStripeAsync(bool invoiced) => SaveAsync(state.State with { InvoicedOutsideStripe = invoiced });

    public async Task<bool> ApplyAsync(BillingEvent billingEvent)
    {
        if (state.State.AppliedEventIds.Contains(billingEvent.Id))
        {
            return false;
        }
        var next = state.State with
        {
            CustomerId = state.State.CustomerId ?? billingEvent.CustomerId,
            AppliedEventIds = [.. state.State.AppliedEventIds.TakeLast(RememberedEvents - 1), billingEvent.Id],
        };
        if (billingEvent.Subscription is { } subscription && !(subscription.ReadAt < state.State.SubscriptionReadAt))
        {
            next = WithSubscription(next, subscription);
        }
        if (billingEvent.Invoice is { } invoice)
        {
            next = next with { Invoices = WithInvoice(next.Invoices, invoice) };
        }
        await SaveAsync(next);
        return true;
    }

    private ConsortiumBilling WithSubscription(ConsortiumBilling billing, SubscriptionSnapshot subscription) => billing with
    {
        SubscriptionId = subscription.Id,
        CheckoutSessionId = null,
        Plan = subscription.Plan ?? billing.Plan,
        Status = subscription.Status,
        CurrentPeriodEnd = subscription.CurrentPeriodEnd,
        Items = subscription.Items,
        SubscriptionReadAt = subscription.ReadAt,
        // Grace starts when the subscription first falls past due, and ends when it is paid.
        GraceEndsAt = subscription.Status != BillingStatus.PastDue ? null
            : billing.Status == BillingStatus.PastDue && billing.GraceEndsAt is { } running ? running
            : clock.GetUtcNow().AddDays(rules.Value.GraceDays),
    };

    private static IReadOnlyList<BillingInvoice> WithInvoice(IReadOnlyList<BillingInvoice> invoices, BillingInvoice invoice) =>
        invoices.FirstOrDefault(i => i.Id == invoice.Id) is { } known && known.Rank > invoice.Rank
            ? invoices
            : [.. invoices.Where(i => i.Id != invoice.Id).Append(invoice).OrderByDescending(i => i.Created).ThenByDescending(i => i.Number, StringComparer.Ordinal)];

    private async Task<ConsortiumBilling> SaveAsync(ConsortiumBilling next)
    {
        state.State = next;
        await state.WriteStateAsync();
        return next;
    }
}
