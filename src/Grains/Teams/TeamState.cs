namespace Consortium.Grains.Teams;

[GenerateSerializer, Alias("TeamState")]
public sealed record TeamState
{
    [Id(0)] public IReadOnlyList<TeamMember> Members { get; init; } = [];

    /// <summary>Acceptances waiting for confirmation.</summary>
    [Id(1)] public IReadOnlyList<PendingMember> Pending { get; init; } = [];
}
