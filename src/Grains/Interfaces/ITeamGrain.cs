using Consortium.Grains.Common;
using Consortium.Grains.Teams;

namespace Consortium.Grains.Interfaces;

/// <summary>Who holds one role in one scope. The only way roles are granted or taken away. Key: <see cref="TeamKey.For"/>.</summary>
[Alias("ITeamGrain")]
public interface ITeamGrain : IGrainWithStringKey
{
    /// <summary>Grants the team's role to the person; idempotent.</summary>
    [Alias("Add")]
    Task AddAsync(string orcid);

    /// <summary>Grants the team's role to someone who followed an invitation, keeping their name and address, and stops listing
    /// the invitation as waiting; idempotent.</summary>
    [Alias("Join")]
    Task JoinAsync(Joining joining);

    /// <summary>Lists an invitation as waiting, or lists it anew after it was sent again; idempotent.</summary>
    [Alias("Invited")]
    Task InvitedAsync(TeamInvitation invitation);

    /// <summary>Stops listing an invitation as waiting (cancelled); idempotent.</summary>
    [Alias("ForgetInvitation")]
    Task ForgetInvitationAsync(string invitationId);

    /// <summary>Invitations sent and neither accepted nor cancelled, newest first.</summary>
    [Alias("ListInvited")]
    Task<IReadOnlyList<TeamInvitation>> ListInvitedAsync();

    /// <summary>Takes the team's role away from the person at once; idempotent.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string orcid);

    [Alias("List")]
    Task<IReadOnlyList<TeamMember>> ListAsync();

    /// <summary>Puts an acceptance aside until someone who manages the team confirms or declines it; idempotent.</summary>
    [Alias("AddPending")]
    Task AddPendingAsync(PendingMember pending);

    [Alias("ListPending")]
    Task<IReadOnlyList<PendingMember>> ListPendingAsync();

    /// <summary>Grants the role to a pending person.</summary>
    /// <exception cref="NotFoundException">Nobody with this id is waiting.</exception>
    [Alias("Confirm")]
    Task ConfirmAsync(string orcid);

    /// <summary>Forgets a pending acceptance: the role is never granted through it.</summary>
    /// <exception cref="NotFoundException">Nobody with this id is waiting.</exception>
    [Alias("Decline")]
    Task DeclineAsync(string orcid);
}
