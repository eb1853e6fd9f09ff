using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tenants;
using Consortium.Portal.Researchers;

namespace Consortium.Portal.Courses;

/// <summary>Loads a claim page: a suspended or unknown tenant has none; a link that names no claim of the tenant is refused.</summary>
public sealed class ClaimPages(IGrainFactory grains, ResearcherPages researcherPages, TimeProvider clock)
{
    /// <param name="viewer">The ORCID iD connected in this browser to the tenant, if any (read per environment by the caller).</param>
    public async Task<ClaimPageModel?> LoadAsync(string tenantSlug, string token, Func<Orcid.OrcidEnvironment, Task<string?>> viewer)
    {
        ClaimView? claim = null;
        ClaimRefusal? refusal = null;
        try
        {
            claim = await grains.OpenClaimAsync(tenantSlug, token);
        }
        catch (ClaimRefusedException refused)
        {
            refusal = refused.Reason;
        }
        var environment = claim?.Environment ?? Orcid.OrcidEnvironment.Sandbox;
        if (await researcherPages.LoadAsync(tenantSlug, environment, orcid: null, invite: null) is not { } page)
        {
            return null;
        }
        if (claim is null)
        {
            return new ClaimPageModel(page, null, refusal, null, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), false, null);
        }
        var template = await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenantSlug)).GetAsync(claim.TemplateId);
        var start = template?.StartDateFor(claim.CompletedAt, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            ?? claim.CompletedAt ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var viewerOrcid = await viewer(environment);
        var mine = claim.ClaimedBy is not null && claim.ClaimedBy == viewerOrcid;
        var issuance = mine ? await grains.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(tenantSlug, claim.Id)).GetAsync() : null;
        refusal = claim.ClaimedBy is not null && !mine ? ClaimRefusal.UsedByAnother
            : claim.ExpiredAt(clock.GetUtcNow()) ? ClaimRefusal.Expired
            : null;
        return new ClaimPageModel(page, claim, refusal, template, start, mine, issuance);
    }
}
