using Consortium.Grains.Common;

namespace Consortium.Grains.Trust;

/// <summary>The <c>validity</c> part of a rule as the API or the editor sends it; what is left out takes
/// <see cref="ValidityRequirement.Default"/>'s value.</summary>
[GenerateSerializer, Immutable]
public sealed record ValidityInput(
    [property: Id(0)] bool? MustHaveStarted,
    [property: Id(1)] bool? MustNotBeExpired = null,
    [property: Id(2)] int? IssuedWithinMonths = null)
{
    public const int MaxIssuedWithinMonths = 1200;

    /// <exception cref="InvalidFieldException">The issued-within window is out of range.</exception>
    public ValidityRequirement Validated()
    {
        if (IssuedWithinMonths is < 1 or > MaxIssuedWithinMonths)
        {
            throw new InvalidFieldException("validity.issuedWithinMonths",
                $"The issued-within window must be 1 to {MaxIssuedWithinMonths} months, or empty when it does not matter how long ago it was issued.");
        }
        var defaults = ValidityRequirement.Default;
        return new ValidityRequirement(
            MustHaveStarted ?? defaults.MustHaveStarted,
            MustNotBeExpired ?? defaults.MustNotBeExpired,
            IssuedWithinMonths ?? defaults.IssuedWithinMonths);
    }
}
