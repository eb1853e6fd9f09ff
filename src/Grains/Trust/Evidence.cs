namespace Consortium.Grains.Trust;

/// <summary>One qualification on the record and what the rule made of it.</summary>
/// <param name="StartDate">As precise as ORCID has it: "2024", "2024-03" or "2024-03-01".</param>
/// <param name="Reasons">Short sentences: what made it count, or every check it failed.</param>
[GenerateSerializer, Immutable, Alias("TrustEvidence")]
public sealed record Evidence(
    [property: Id(0)] long? PutCode,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Organisation,
    [property: Id(3)] string? OrganisationId,
    [property: Id(4)] string? StartDate,
    [property: Id(5)] string? EndDate,
    [property: Id(6)] SourceKind SourceKind,
    [property: Id(7)] string? SourceName,
    [property: Id(8)] string? SourceClientId,
    [property: Id(9)] bool Matched,
    [property: Id(10)] IReadOnlyList<string> Reasons);
