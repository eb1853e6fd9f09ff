using Consortium.Grains.Trust;

namespace Consortium.Grains.Verification;

/// <summary>A record grain's answer: the verdict, and how fresh and how read the record behind it was.</summary>
/// <param name="DecisionCached">The verdict itself was kept from an earlier evaluation of the same rule version and context
/// against the same copy of the record.</param>
/// <param name="OrcidRead">How long the read from ORCID took that this verdict waited for; null when the copy was at hand.</param>
[GenerateSerializer, Immutable]
public sealed record RecordVerdict(
    [property: Id(0)] Verdict Verdict,
    [property: Id(1)] bool Cached,
    [property: Id(2)] RecordReadMode ReadWith,
    [property: Id(3)] DateTimeOffset ReadAt,
    [property: Id(4)] bool DecisionCached = false,
    [property: Id(5)] TimeSpan? OrcidRead = null);
