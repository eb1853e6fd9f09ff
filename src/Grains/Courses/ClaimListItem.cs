using Consortium.Grains.Issuing;

namespace Consortium.Grains.Courses;

/// <summary>A claim in a list: <see cref="Issuance"/> is the status of the issuance it became, null while nobody has claimed it.</summary>
[GenerateSerializer, Immutable]
public sealed record ClaimListItem(
    [property: Id(0)] ClaimView Claim,
    [property: Id(1)] IssuanceStatus? Issuance);
