using Consortium.Grains.Launch;
using Consortium.Grains.Researchers;

namespace Consortium.Grains.Issuing;

/// <summary>A tenant's issuing in one environment: every issuance and researcher at a glance, and the work still to do.</summary>
[GenerateSerializer, Alias("LedgerState")]
public sealed record LedgerState
{
    [Id(0)] public Dictionary<string, IssuanceView> Issuances { get; init; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<string, ResearcherView> Researchers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Issuance ids with work to do, and from when. Persisted before a submit returns, so nothing accepted is lost.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Pending { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The first time each step of the launch review happened here: the evidence the review is built from.</summary>
    [Id(3)] public Dictionary<LaunchStep, LaunchMilestone> Milestones { get; init; } = [];
}
