namespace Consortium.Grains.Issuing;

/// <summary>What one processing step left behind: the issuance, and when to try again if ORCID was not ready.</summary>
[GenerateSerializer, Immutable]
public sealed record IssuanceWork([property: Id(0)] IssuanceView? View, [property: Id(1)] DateTimeOffset? RetryAt);
