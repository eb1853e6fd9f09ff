using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Orcid;

namespace Consortium.Grains.Researchers;

/// <summary>Asks researchers who are not connected yet to connect their ORCID iD, so a qualification can be written: the
/// messages go to the member organisation's outbox (one call for them all), which sends them in the background. Written where
/// the issuances are created, so an upload that creates them in the background (a batch) invites as they are created. Each
/// message's reference is its issuance id, so the Issuing tab shows a failed one on its row and can re-send it.</summary>
public static class ConsentInvitationEmail
{
    /// <summary>The researcher page of a member organisation, with an invitation's secret when one is given.</summary>
    /// <param name="portalUrl">The portal's public address (<c>Consortium:PublicBaseUrl</c>), never a request's Host.</param>
    public static string PageLink(Uri portalUrl, string tenant, OrcidEnvironment environment, string? invitationToken = null) =>
        new Uri(portalUrl, $"/t/{tenant}?env={environment.Name()}" + (invitationToken is null ? "" : $"&invite={Uri.EscapeDataString(invitationToken)}")).AbsoluteUri;

    /// <param name="invited">Issuances that returned an invitation token.</param>
    /// <param name="templates">The tenant's templates by id, for their titles.</param>
    public static async Task QueueAsync(IGrainFactory grains, TenantProfile tenant, IReadOnlyDictionary<string, QualificationTemplate> templates,
        IReadOnlyList<IssuanceCreated> invited, Uri portalUrl)
    {
        if (invited.Count == 0)
        {
            return;
        }
        // Read once for the whole submission, not per row.
        var branding = await grains.GetGrain<ITenantBrandingGrain>(TenantKey.For(tenant.Slug)).GetAsync();
        var organisation = branding.DisplayName ?? tenant.Name;
        await grains.GetTenantOutbox(tenant.Slug).EnqueueAsync([.. invited.Select(created => new OutboxItem(created.View.Id,
            Message(organisation, templates.GetValueOrDefault(created.View.TemplateId)?.Title, created.View,
                PageLink(portalUrl, tenant.Slug, created.View.Environment, created.InvitationToken))))]);
    }

    private static EmailMessage Message(string organisation, string? templateTitle, IssuanceView issuance, string link) =>
        new(issuance.Email!, $"{organisation} would like to add a qualification to your ORCID record", $"""
            Hello{(issuance.ResearcherName is { } name ? " " + name : "")},

            {organisation} would like to add "{templateTitle ?? issuance.TemplateId}" to your ORCID record.

            Open this link and sign in with ORCID to give permission (you can deny it, and disconnect at any time):
            {link}

            The link works until the invitation expires. If you did not expect this email, ignore it.
            """);
}
