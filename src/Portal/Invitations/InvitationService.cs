using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Staff;
using Consortium.Grains.Teams;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Invitations;

/// <summary>Invites people by email to lead a consortium or administer a member organisation. The email goes to the staff
/// outbox, which sends it in the background and keeps a failed one for a re-send.</summary>
public sealed class InvitationService(IGrainFactory grains, PortalAddress portal, AuditLog audit)
{
    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    /// <param name="scopeName">The consortium's or member organisation's name, for the email.</param>
    public async Task<InvitationView> InviteAsync(string address, StaffRole role, string scopeName, string? consortium, string? tenant, AuditActor actor)
    {
        var created = await Invitation(InvitationGrain.NewId()).CreateAsync(new NewInvitation(address, role, actor.Name), ValidFor);
        await SendAsync(created, scopeName);
        await audit.RecordAsync(actor, "invitation.sent", $"{created.View.Email} as {role}", consortium, tenant);
        return created.View;
    }

    private Task SendAsync(CreatedInvitation invitation, string scopeName) => grains.GetStaffOutbox(invitation.View.Role).EnqueueAsync(
        [new OutboxItem(invitation.View.Id, Message(invitation, scopeName, portal.For($"/invitations/{invitation.Token}")))]);

    private IInvitationGrain Invitation(string id) => grains.GetGrain<IInvitationGrain>(InvitationToken.KeyFor(id));

    private ITeamGrain Team(StaffRole role) => grains.GetGrain<ITeamGrain>(TeamKey.For(role));

    /// <summary>The team's invitations neither accepted nor cancelled, newest first; expired ones too, to be sent again.</summary>
    public Task<IReadOnlyList<TeamInvitation>> WaitingAsync(StaffRole role) => Team(role).ListInvitedAsync();

    /// <summary>Sends an invitation again with a new link, valid for <see cref="ValidFor"/> from now; the old link stops working. Audited.</summary>
    /// <exception cref="InvitationRefusedException">Accepted or cancelled meanwhile.</exception>
    public async Task<InvitationView> SendAgainAsync(string invitationId, string scopeName, string? consortium, string? tenant, AuditActor actor)
    {
        var renewed = await Invitation(invitationId).RenewAsync(ValidFor);
        await SendAsync(renewed, scopeName);
        await audit.RecordAsync(actor, "invitation.sent-again", $"{renewed.View.Email} as {renewed.View.Role}", consortium, tenant);
        return renewed.View;
    }

    /// <summary>Cancels an invitation: its link stops working. Audited.</summary>
    /// <exception cref="InvitationRefusedException">Accepted meanwhile.</exception>
    public async Task<InvitationView> CancelAsync(string invitationId, string? consortium, string? tenant, AuditActor actor)
    {
        var cancelled = await Invitation(invitationId).CancelAsync();
        await audit.RecordAsync(actor, "invitation.cancelled", $"{cancelled.Email} as {cancelled.Role}", consortium, tenant);
        return cancelled;
    }

    /// <summary>The team's invitation emails not sent yet (pending or failed), newest first.</summary>
    public Task<IReadOnlyList<OutboxEntry>> UnsentAsync(StaffRole role, int limit = 100) => grains.GetStaffOutbox(role).UnsentAsync(limit);

    /// <summary>Sends a failed invitation email again, with the same link; audited.</summary>
    /// <returns>False when no failed email is about this invitation.</returns>
    public async Task<bool> ResendAsync(StaffRole role, string invitationId, string? consortium, string? tenant, AuditActor actor)
    {
        var requeued = await grains.GetStaffOutbox(role).ResendAsync(invitationId);
        if (requeued)
        {
            await audit.RecordAsync(actor, "invitation.resent", invitationId, consortium, tenant);
        }
        return requeued;
    }

    private static EmailMessage Message(CreatedInvitation invitation, string scopeName, Uri link)
    {
        var what = invitation.View.Role.Kind == StaffRoleKind.ConsortiumLead ? "lead" : "administer";
        return new EmailMessage(invitation.View.Email, $"You are invited to {what} {scopeName} on Consortium", $"""
            Hello,

            {invitation.View.InvitedBy} invites you to {what} {scopeName} on Consortium, the ORCID qualifications portal.

            Open this link and sign in with your ORCID iD to accept:
            {link}

            The link works once, until {invitation.View.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If you did not expect it, ignore this email.
            """);
    }
}
