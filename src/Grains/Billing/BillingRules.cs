namespace Consortium.Grains.Billing;

/// <summary>The part of the <c>Billing</c> section the silo needs to decide production use.</summary>
public sealed class BillingRules
{
    public const string SectionName = "Billing";

    /// <summary>Set when <c>Billing:Plans</c> names a plan: only then does billing close anything.</summary>
    public bool Enforced { get; set; }

    /// <summary>Days a past-due consortium keeps production open, with a banner.</summary>
    public double GraceDays { get; set; } = 14;
}
