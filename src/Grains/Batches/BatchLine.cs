namespace Consortium.Grains.Batches;

/// <summary>One line of an uploaded CSV: the issuance it became, or the problems that kept it out.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchLine(
    [property: Id(0)] int Line,
    [property: Id(1)] string? ExternalId,
    [property: Id(2)] string? Orcid,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? IssuanceId,
    [property: Id(5)] string? Problem);
