namespace Consortium.Grains.Teams;

[GenerateSerializer, Alias("TeamState")]
public sealed record TeamState
{
    [Id(0)] public IReadOnlyList<TeamMember> Members { get; init; } = [];
}
