using Consortium.Orcid;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Researchers;

/// <summary>Loads what the public researcher and certificate pages show; a suspended or unknown tenant has no pages.</summary>
public sealed class ResearcherPages(IGrainFactory grains, IssuingReader issuing, TimeProvider clock)
{
    public async Task<ResearcherPageModel?> LoadAsync(string tenantSlug, OrcidEnvironment environment, string? orcid, string? invite)
    {
        var tenant = await grains.GetGrain<ITenantGrain>(TenantKey.For(tenantSlug)).GetProfileAsync();
        if (tenant is null || tenant.IsSuspended)
        {
            return null;
        }
        var branding = grains.GetGrain<ITenantBrandingGrain>(TenantKey.For(tenantSlug));
        var isOpen = await grains.ClosedInAsync(tenant, environment, clock.GetUtcNow()) is null
            && await grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenantSlug, environment)).GetAsync() is not null;
        var researcher = orcid is null ? null : await grains.GetGrain<IResearcherGrain>(ResearcherKey.For(tenantSlug, environment, orcid)).GetAsync();
        var issuances = orcid is null
            ? []
            : (await issuing.ListAsync(tenantSlug, environment, new IssuanceQuery { Orcid = orcid, Take = IssuanceQuery.MaxTake })).Items;
        var (invitation, invitationProblem) = await OpenInvitationAsync(invite, tenantSlug, environment);
        var titles = (await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenantSlug)).ListAsync()).ToDictionary(t => t.Id, t => t.Title);
        return new ResearcherPageModel(tenant, await branding.GetAsync(), await branding.GetLogoAsync() is not null, environment, isOpen,
            researcher, issuances, invitation, invitationProblem, titles);
    }

    /// <returns>The issuance behind a certificate id, when it is on the researcher's record or was withdrawn; else null.</returns>
    public async Task<CertificateModel?> LoadCertificateAsync(string tenantSlug, string certificateId)
    {
        if (await grains.GetGrain<ICertificateGrain>(IssuingKey.Certificate(tenantSlug, certificateId)).GetIssuanceIdAsync() is not { } issuanceId
            || await grains.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(tenantSlug, issuanceId)).GetAsync() is not { } issuance
            || issuance.CertificateId != certificateId
            || issuance.Status is not (IssuanceStatus.InOrcid or IssuanceStatus.ConsentEnded or IssuanceStatus.Revoked or IssuanceStatus.DeletedInOrcid)
            || issuance is not { PutCode: not null, Orcid: { } orcid }
            || await LoadAsync(tenantSlug, issuance.Environment, orcid: null, invite: null) is not { } page)
        {
            return null;
        }
        var holder = await grains.GetGrain<IResearcherGrain>(ResearcherKey.For(tenantSlug, issuance.Environment, orcid)).GetAsync();
        return new CertificateModel(page, issuance, holder?.Name);
    }

    private async Task<(ConsentInvitation?, string?)> OpenInvitationAsync(string? invite, string tenantSlug, OrcidEnvironment environment)
    {
        if (invite is null)
        {
            return (null, null);
        }
        if (!InvitationToken.TryParse(invite, out var token))
        {
            return (null, "This invitation link is not valid. Ask the organisation for a new one.");
        }
        try
        {
            var invitation = await grains.GetGrain<IConsentInvitationGrain>(ConsentInvitationGrain.KeyFor(token.Id)).OpenAsync(token.Secret);
            return invitation.Tenant == tenantSlug && invitation.Environment == environment
                ? (invitation, null)
                : (null, "This invitation link is not valid. Ask the organisation for a new one.");
        }
        catch (InvitationRefusedException refused)
        {
            return (null, refused.Message);
        }
    }
}
