using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Researchers;

/// <summary>Asks researchers who are not connected yet to connect their ORCID iD, so a qualification can be written: the
/// messages go to the member organisation's outbox (one call for them all), which sends them in the background. Each
/// message's reference is its issuance id, so the Issuing tab shows a failed one on its row and can re-send it.</summary>
public sealed class ConsentInvitationEmail(IGrainFactory grains, PortalAddress portal, AuditLog audit)
{
    /// <summary>The newest invitation email of each of these issuances that has one.</summary>
    public async Task<IReadOnlyDictionary<string, OutboxEntry>> ForIssuancesAsync(TenantProfile tenant, IReadOnlyList<string> issuanceIds) =>
        (await grains.GetTenantOutbox(tenant.Slug).ForReferencesAsync(issuanceIds)).ToDictionary(entry => entry.Reference);

    /// <summary>Invitation emails not sent yet, pending or failed, newest first.</summary>
    public Task<IReadOnlyList<OutboxEntry>> UnsentAsync(TenantProfile tenant, int limit = 100) => grains.GetTenantOutbox(tenant.Slug).UnsentAsync(limit);

    /// <summary>Sends the failed invitation email of an issuance again: the same message, with the same link. Audited.</summary>
    /// <returns>False when the issuance has no failed invitation email.</returns>
    public async Task<bool> ResendAsync(TenantProfile tenant, string issuanceId, AuditActor actor)
    {
        var requeued = await grains.GetTenantOutbox(tenant.Slug).ResendAsync(issuanceId);
        if (requeued)
        {
            await audit.RecordAsync(actor, "invitation.resent", issuanceId, tenant.ConsortiumSlug, tenant.Slug);
        }
        return requeued;
    }

    /// <param name="invited">Issuances that returned an invitation token; each message's reference is its issuance id.</param>
    public async Task QueueAsync(TenantProfile tenant, IReadOnlyList<IssuanceCreated> invited)
    {
        if (invited.Count == 0)
        {
            return;
        }
        // Read once for the whole batch, not per row.
        var branding = await grains.GetGrain<ITenantBrandingGrain>(TenantKey.For(tenant.Slug)).GetAsync();
        var templates = (await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenant.Slug)).ListAsync()).ToDictionary(t => t.Id, t => t.Title);
        var organisation = branding.DisplayName ?? tenant.Name;
        await grains.GetTenantOutbox(tenant.Slug).EnqueueAsync([.. invited.Select(created =>
            new OutboxItem(created.View.Id, Message(tenant, organisation, templates.GetValueOrDefault(created.View.TemplateId), created.View, created.InvitationToken!)))]);
    }

    private EmailMessage Message(TenantProfile tenant, string organisation, string? templateTitle, IssuanceView issuance, string invitationToken)
    {
        var link = ResearcherLinks.Page(portal, tenant.Slug, issuance.Environment, invitationToken);
        return new EmailMessage(issuance.Email!, $"{organisation} would like to add a qualification to your ORCID record", $"""
            Hello{(issuance.ResearcherName is { } name ? " " + name : "")},

            {organisation} would like to add "{templateTitle ?? issuance.TemplateId}" to your ORCID record.

            Open this link and sign in with ORCID to give permission (you can deny it, and disconnect at any time):
            {link}

            The link works until the invitation expires. If you did not expect this email, ignore it.
            """);
    }
}
