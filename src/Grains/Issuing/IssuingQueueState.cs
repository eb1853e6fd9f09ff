using Consortium.Grains.Launch;

namespace Consortium.Grains.Issuing;

/// <summary>
/// A tenant's issuing queue in one environment: only the work still to do, and the launch-review milestones. Bounded by pending
/// work, never by history (the lists are in the projection). Ids 0 and 1 held every issuance and researcher until the projection
/// replaced them; such state still reads (the serializer skips them) and is written without them.
/// </summary>
[GenerateSerializer, Alias("LedgerState")]
public sealed record IssuingQueueState
{
    /// <summary>Issuance ids with work to do, and from when. Persisted before a submit returns, so nothing accepted is lost.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Pending { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The first time each step of the launch review happened here: the evidence the review is built from.</summary>
    [Id(3)] public Dictionary<LaunchStep, LaunchMilestone> Milestones { get; init; } = [];

    /// <summary>Pending issuances whose processing call itself failed, and how many times in a row.</summary>
    [Id(4)] public Dictionary<string, int> CallFailures { get; init; } = new(StringComparer.Ordinal);
}
