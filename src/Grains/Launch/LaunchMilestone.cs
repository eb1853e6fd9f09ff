namespace Consortium.Grains.Launch;

/// <summary>The first time a step happened, and on what (an iD or an issuance), as evidence for the review.</summary>
[GenerateSerializer, Immutable]
public sealed record LaunchMilestone([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Detail);
