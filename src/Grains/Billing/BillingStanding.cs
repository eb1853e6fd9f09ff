namespace Consortium.Grains.Billing;

/// <summary>What billing says about a consortium's production use: the billing part of <see cref="Tenants.TenantProfile.ClosedIn"/>.</summary>
/// <param name="Enforced">Billing is configured (<c>Billing:Plans</c>); without it nothing is closed for billing.</param>
[GenerateSerializer, Immutable]
public sealed record BillingStanding(
    [property: Id(0)] bool Enforced,
    [property: Id(1)] BillingStatus Status,
    [property: Id(2)] DateTimeOffset? GraceEndsAt,
    [property: Id(3)] bool InvoicedOutsideStripe)
{
    public static BillingStanding NotConfigured { get; } = new(false, BillingStatus.None, null, false);

    /// <summary>Past due but still within its grace days: production stays open, with a banner.</summary>
    public bool InGrace(DateTimeOffset now) => Enforced && !InvoicedOutsideStripe && Status == BillingStatus.PastDue && GraceEndsAt > now;

    /// <summary>Why billing closes production now, or null. Sandbox is never closed for billing, nothing is deleted and no consent revoked.</summary>
    public string? ClosesProduction(DateTimeOffset now) =>
        !Enforced || InvoicedOutsideStripe || Status is BillingStatus.Active or BillingStatus.Trialing || InGrace(now) ? null
        : Status == BillingStatus.PastDue
            ? $"The consortium's subscription is past due and its grace period ended on {GraceEndsAt:yyyy-MM-dd}: new production issuance is refused until "
                + "the consortium's lead pays the open invoice (Consortium → Billing). Sandbox still works, and nothing issued is removed."
            : "Production needs an active subscription of the consortium: its lead subscribes under Consortium → Billing. Sandbox works meanwhile.";
}
