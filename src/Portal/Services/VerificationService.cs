using Consortium.Grains.OrcidClients;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Services;

/// <summary>A member organisation's trust rules and verifications, for its admins' pages, the researcher's "prove" page and the API.
/// Every rule change and every decision is audited.</summary>
public sealed class VerificationService(IGrainFactory grains, PortalAddress portal, AuditLog audit)
{
    public Task<IReadOnlyList<TrustRule>> ListRulesAsync(TenantProfile tenant) => Rules(tenant).ListAsync();

    public Task<TrustRule?> GetRuleAsync(TenantProfile tenant, string id, int? version = null) => Rules(tenant).GetAsync(id, version);

    public Task<IReadOnlyList<TrustRule>> RuleVersionsAsync(TenantProfile tenant, string id) => Rules(tenant).VersionsAsync(id);

    /// <exception cref="InvalidFieldException">A field is malformed; nothing is changed.</exception>
    public async Task<TrustRule> SaveRuleAsync(TenantProfile tenant, string id, TrustRuleInput input, AuditActor actor)
    {
        var saved = await Rules(tenant).SaveAsync(id, input);
        await audit.RecordAsync(actor, "trust-rule.saved", $"{saved.Id} v{saved.Version}", tenant.ConsortiumSlug, tenant.Slug);
        return saved;
    }

    /// <summary>Verifies a record against a saved rule, or tests a draft rule (not audited as a decision: nothing was decided).</summary>
    /// <exception cref="InvalidFieldException">The environment, iD or draft is malformed.</exception>
    /// <exception cref="NotFoundException">No rule has this id.</exception>
    public async Task<VerificationResult> VerifyAsync(TenantProfile tenant, VerificationRequest request, AuditActor actor)
    {
        var result = await grains.GetGrain<IVerifierGrain>(tenant.Slug).VerifyAsync(request with { PortalUrl = portal.Base.AbsoluteUri });
        if (request.Draft is null)
        {
            await audit.RecordAsync(actor, "verification.decided",
                $"{result.Rule.Id} v{result.Rule.Version} {result.Environment.Name()} {result.Orcid}: {result.Decision.ToString().ToLowerInvariant()}",
                tenant.ConsortiumSlug, tenant.Slug);
        }
        return result;
    }

    private ITenantTrustRulesGrain Rules(TenantProfile tenant) => grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(tenant.Slug));
}
