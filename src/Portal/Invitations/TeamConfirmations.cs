using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Staff;
using Consortium.Grains.Teams;
using Consortium.Portal.Audit;

namespace Consortium.Portal.Invitations;

/// <summary>Invitation acceptances waiting for confirmation (<see cref="InvitationOptions.RequireMatchingEmail"/>), for the
/// consortium's leads and operators to confirm or decline. Both are audited.</summary>
public sealed class TeamConfirmations(IGrainFactory grains, AuditLog audit)
{
    public Task<IReadOnlyList<PendingMember>> ListAsync(StaffRole role) => Team(role).ListPendingAsync();

    /// <param name="consortium">The consortium the role belongs to, for the audit log.</param>
    /// <exception cref="NotFoundException">Nobody with this id is waiting.</exception>
    public async Task ConfirmAsync(StaffRole role, string staffId, string consortium, AuditActor actor)
    {
        await Team(role).ConfirmAsync(staffId);
        await RecordAsync(actor, "invitation.confirmed", role, staffId, consortium);
    }

    /// <exception cref="NotFoundException">Nobody with this id is waiting.</exception>
    public async Task DeclineAsync(StaffRole role, string staffId, string consortium, AuditActor actor)
    {
        await Team(role).DeclineAsync(staffId);
        await RecordAsync(actor, "invitation.declined", role, staffId, consortium);
    }

    private Task RecordAsync(AuditActor actor, string action, StaffRole role, string staffId, string consortium) =>
        audit.RecordAsync(actor, action, $"{staffId} as {role}", consortium, role.Kind == StaffRoleKind.MemberAdmin ? role.Scope : null);

    private ITeamGrain Team(StaffRole role) => grains.GetGrain<ITeamGrain>(TeamKey.For(role));
}
