namespace Consortium.Grains.Teams;

/// <summary>An invitation to the team sent and not accepted or cancelled yet, as the team lists it.</summary>
/// <param name="Id">The invitation's id (<see cref="Invitations.InvitationToken.Id"/>).</param>
[GenerateSerializer, Immutable, Alias("TeamInvitation")]
public sealed record TeamInvitation(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string InvitedBy,
    [property: Id(3)] DateTimeOffset SentAt,
    [property: Id(4)] DateTimeOffset ExpiresAt);
