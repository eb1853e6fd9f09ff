using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tenants;
using Consortium.Portal.Email;
using Consortium.Portal.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Consortium.Portal.Researchers;

/// <summary>Asks a researcher who is not connected yet to connect their ORCID iD, so a qualification can be written.</summary>
public sealed class ConsentInvitationEmail(IGrainFactory grains, IEmailSender email, IOptions<EmailOptions> emailOptions, PortalAddress portal)
{
    public async Task SendAsync(TenantProfile tenant, IssuanceView issuance, string invitationToken)
    {
        var branding = await grains.GetGrain<ITenantBrandingGrain>(TenantKey.For(tenant.Slug)).GetAsync();
        var template = await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenant.Slug)).GetAsync(issuance.TemplateId);
        var organisation = branding.DisplayName ?? tenant.Name;
        var link = ResearcherLinks.Page(portal, tenant.Slug, issuance.Environment, invitationToken);
        var message = new MimeMessage
        {
            Subject = $"{organisation} would like to add a qualification to your ORCID record",
            Body = new TextPart("plain")
            {
                Text = $"""
                    Hello{(issuance.ResearcherName is { } name ? " " + name : "")},

                    {organisation} would like to add "{template?.Title ?? issuance.TemplateId}" to your ORCID record.

                    Open this link and sign in with ORCID to give permission (you can deny it, and disconnect at any time):
                    {link}

                    The link works until the invitation expires. If you did not expect this email, ignore it.
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(emailOptions.Value.From));
        message.To.Add(MailboxAddress.Parse(issuance.Email!));
        await email.SendAsync(message);
    }
}
