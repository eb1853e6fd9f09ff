using Consortium.Grains.Badges;

namespace Consortium.Grains.Trust;

/// <summary>What a rule made of a badge the researcher showed: whether it counts, and why.</summary>
/// <param name="Reasons">Sentences: what made it count, or every check it failed.</param>
[GenerateSerializer, Immutable, Alias("BadgeAssessment")]
public sealed record BadgeAssessment(
    [property: Id(0)] BadgeVerification Verification,
    [property: Id(1)] bool Matched,
    [property: Id(2)] IReadOnlyList<string> Reasons);
