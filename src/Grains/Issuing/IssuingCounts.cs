namespace Consortium.Grains.Issuing;

/// <summary>A tenant's issuances in one environment, counted by status, and the most recent error.</summary>
[GenerateSerializer, Immutable]
public sealed record IssuingCounts(
    [property: Id(0)] IReadOnlyDictionary<IssuanceStatus, int> ByStatus,
    [property: Id(1)] int Pending,
    [property: Id(2)] int Researchers,
    [property: Id(3)] int ConnectedResearchers,
    [property: Id(4)] string? LastError,
    [property: Id(5)] DateTimeOffset? LastErrorAt,
    [property: Id(6)] int ConsentEndedOnRecords)
{
    public int Total => ByStatus.Values.Sum();

    /// <summary>What really is on researchers' ORCID records: the written ones, and those whose consent ended after they were
    /// written (the item stays; only the researcher can delete it).</summary>
    public int OnRecords => Count(IssuanceStatus.InOrcid) + ConsentEndedOnRecords;

    public int Count(IssuanceStatus status) => ByStatus.GetValueOrDefault(status);
}
