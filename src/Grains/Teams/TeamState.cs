namespace Consortium.Grains.Teams;

[GenerateSerializer, Alias("TeamState")]
public sealed record TeamState
{
    [Id(0)] public IReadOnlyList<TeamMember> Members { get; init; } = [];

    /// <summary>Acceptances waiting for confirmation.</summary>
    [Id(1)] public IReadOnlyList<PendingMember> Pending { get; init; } = [];

    /// <summary>Invitations sent and not yet accepted or cancelled, expired ones included (they can be sent again).</summary>
    [Id(2)] public IReadOnlyList<TeamInvitation> Invited { get; init; } = [];
}
