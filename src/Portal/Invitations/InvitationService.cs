using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Staff;
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
        var invitation = grains.GetGrain<IInvitationGrain>(InvitationToken.KeyFor(InvitationGrain.NewId()));
        var created = await invitation.CreateAsync(new NewInvitation(address, role, actor.Name), ValidFor);
        await grains.GetStaffOutbox(role).EnqueueAsync([new OutboxItem(created.View.Id, Message(created, scopeName, portal.For($"/invitations/{created.Token}")))]);
        await audit.RecordAsync(actor, "invitation.sent", $"{created.View.Email} as {role}", consortium, tenant);
        return created.View;
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
