using Consortium.Grains.Trust;

namespace Consortium.Grains.Badges;

/// <summary>One check of an incoming Open Badge, like a verification: the decision, the first reason it is not accepted
/// (or <see cref="BadgeReason.Valid"/>), what the badge says, and every check made, in order.</summary>
/// <param name="Decision">Allow when every check passed; deny when one failed; unknown when the status list could not be read.</param>
/// <param name="Badge">Null when the badge could not be read at all.</param>
[GenerateSerializer, Immutable, Alias("BadgeVerification")]
public sealed record BadgeVerification(
    [property: Id(0)] Decision Decision,
    [property: Id(1)] BadgeReason Reason,
    [property: Id(2)] BadgeFacts? Badge,
    [property: Id(3)] IReadOnlyList<BadgeCheck> Evidence,
    [property: Id(4)] DateTimeOffset CheckedAt);

/// <summary>One check and what came of it.</summary>
/// <param name="Check"><c>format</c>, <c>schema</c>, <c>issuer-key</c>, <c>signature</c>, <c>status</c>, <c>validity</c> or <c>subject</c>.</param>
/// <param name="Passed">Null when the check could not be made (no status list named, say).</param>
/// <param name="Detail">A sentence: what was checked against what.</param>
[GenerateSerializer, Immutable, Alias("BadgeCheck")]
public sealed record BadgeCheck(
    [property: Id(0)] string Check,
    [property: Id(1)] bool? Passed,
    [property: Id(2)] string Detail);
