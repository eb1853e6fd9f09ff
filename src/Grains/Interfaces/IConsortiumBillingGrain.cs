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
}
