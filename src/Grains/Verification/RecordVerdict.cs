using Consortium.Grains.Trust;

namespace Consortium.Grains.Verification;

/// <summary>A record grain's answer: the verdict, and how fresh and how read the record behind it was.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordVerdict(
    [property: Id(0)] Verdict Verdict,
    [property: Id(1)] bool Cached,
    [property: Id(2)] RecordReadMode ReadWith,
    [property: Id(3)] DateTimeOffset ReadAt);
