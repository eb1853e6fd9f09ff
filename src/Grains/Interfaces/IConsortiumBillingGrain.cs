using Consortium.Grains.Billing;

namespace Consortium.Grains.Interfaces;

/// <summary>A consortium's subscription, as Stripe's webhooks report it, and its members' tiers.
/// Key: <see cref="Consortia.ConsortiumKey.For"/> of its slug. Stripe is called by the Portal, never by the grain.</summary>
[Alias("IConsortiumBillingGrain")]
public interface IConsortiumBillingGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<ConsortiumBilling> GetAsync();

    [Alias("GetStanding")]
    Task<BillingStanding> GetStandingAsync();

    [Alias("SetTier")]
    Task<ConsortiumBilling> SetTierAsync(string tenant, string tier);

    [Alias("RemoveMember")]
    Task<ConsortiumBilling> RemoveMemberAsync(string tenant);

    [Alias("SetCustomer")]
    Task SetCustomerAsync(string customerId, string plan);

    /// <summary>A checkout was started (<paramref name="sessionId"/>), or the one started ended unpaid (null).</summary>
    [Alias("SetCheckout")]
    Task SetCheckoutAsync(string? sessionId);

    /// <summary>A quantity update Stripe refused, to try again (or null: Stripe took it).</summary>
    [Alias("SetPendingUpdate")]
    Task SetPendingUpdateAsync(PendingQuantityUpdate? pending);

    /// <returns>False when the event was applied before (nothing changes).</returns>
    [Alias("Apply")]
    Task<bool> ApplyAsync(BillingEvent billingEvent);

    [Alias("SetInvoicedOutsideStripe")]
    Task<ConsortiumBilling> SetInvoicedOutsideStripeAsync(bool invoiced);
}

public static class ConsortiumBillingGrainExtensions
{
    public static IConsortiumBillingGrain GetConsortiumBilling(this IGrainFactory grains, string consortium) =>
        grains.GetGrain<IConsortiumBillingGrain>(Consortia.ConsortiumKey.For(consortium));

    /// <summary>Why issuing is closed for <paramref name="tenant"/> in <paramref name="environment"/> now, or null: the one decision
    /// (<see cref="Tenants.TenantProfile.ClosedIn"/>) with its consortium's billing read for it. The issuing queue reads the
    /// billing once for many writes instead (<see cref="Issuing.IssuingContext"/>).</summary>
    public static async Task<string?> ClosedInAsync(this IGrainFactory grains, Tenants.TenantProfile tenant, Orcid.OrcidEnvironment environment, DateTimeOffset now) =>
        tenant.ClosedIn(environment, await grains.GetConsortiumBilling(tenant.ConsortiumSlug).GetStandingAsync(), now);
}
