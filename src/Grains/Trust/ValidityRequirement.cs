namespace Consortium.Grains.Trust;

/// <summary>What a qualification's dates must say on the day of the check.</summary>
/// <param name="IssuedWithinMonths">The start date (else the day it was added to ORCID) is at most this many months ago.</param>
[GenerateSerializer, Immutable, Alias("TrustValidityRequirement")]
public sealed record ValidityRequirement(
    [property: Id(0)] bool MustHaveStarted,
    [property: Id(1)] bool MustNotBeExpired,
    [property: Id(2)] int? IssuedWithinMonths)
{
    /// <summary>Started and not expired: what a member admin expects when they say nothing.</summary>
    public static ValidityRequirement Default { get; } = new(true, true, null);
}
