namespace Consortium.Portal.Billing;

/// <summary>The tiers a member organisation is billed by; new members are <see cref="Default"/>.</summary>
public static class BillingTiers
{
    public const string Default = "standard";

    public static IReadOnlyList<string> All { get; } = ["small", "standard", "large"];
}
