using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Staff;
using Consortium.Portal.Audit;
using Consortium.Portal.Email;
using Consortium.Portal.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Consortium.Portal.Invitations;

/// <summary>Invites people by email to lead a consortium or administer a member organisation.</summary>
public sealed class InvitationService(IGrainFactory grains, IEmailSender email, IOptions<EmailOptions> emailOptions, PortalAddress portal, AuditLog audit)
{
    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    /// <param name="scopeName">The consortium's or member organisation's name, for the email.</param>
    public async Task<InvitationView> InviteAsync(string address, StaffRole role, string scopeName, string? consortium, string? tenant, AuditActor actor)
    {
        var invitation = grains.GetGrain<IInvitationGrain>(InvitationToken.KeyFor(InvitationGrain.NewId()));
        var created = await invitation.CreateAsync(new NewInvitation(address, role, actor.Name), ValidFor);
        await email.SendAsync(Message(created, scopeName, portal.For($"/invitations/{created.Token}")));
        await audit.RecordAsync(actor, "invitation.sent", $"{created.View.Email} as {role}", consortium, tenant);
        return created.View;
    }

    private MimeMessage Message(CreatedInvitation invitation, string scopeName, Uri link)
    {
        var what = invitation.View.Role.Kind == StaffRoleKind.ConsortiumLead ? "lead" : "administer";
        var message = new MimeMessage
        {
            Subject = $"You are invited to {what} {scopeName} on Consortium",
            Body = new TextPart("plain")
            {
                Text = $"""
                    Hello,

                    {invitation.View.InvitedBy} invites you to {what} {scopeName} on Consortium, the ORCID qualifications portal.

                    Open this link and sign in with your ORCID iD to accept:
                    {link}

                    The link works once, until {invitation.View.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If you did not expect it, ignore this email.
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(emailOptions.Value.From));
        message.To.Add(MailboxAddress.Parse(invitation.View.Email));
        return message;
    }
}
