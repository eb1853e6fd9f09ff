namespace Consortium.Grains.Issuing;

/// <summary>What one processing step left behind: the issuance, when to try again if ORCID was not ready, and what it did at ORCID;
/// <see cref="MovedFrom"/> when ORCID said the researcher's record was deprecated and the issuance moved to the primary iD.</summary>
[GenerateSerializer, Immutable]
public sealed record IssuanceWork(
    [property: Id(0)] IssuanceView? View,
    [property: Id(1)] DateTimeOffset? RetryAt,
    [property: Id(2)] OrcidAction Did = OrcidAction.None,
    [property: Id(3)] string? MovedFrom = null);
