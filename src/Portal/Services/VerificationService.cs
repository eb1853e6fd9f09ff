using Consortium.Grains.OrcidClients;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;
using Consortium.Orcid;

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
            await AuditAsync(tenant, result, actor);
        }
        return result;
    }

    /// <summary>Verifies up to <see cref="BatchVerification.MaxOrcids"/> records against a saved rule, <see cref="BatchVerification.Concurrency"/>
    /// at a time, each decision audited as a single one. An iD that is malformed or has no record is reported in its entry.</summary>
    /// <exception cref="InvalidFieldException">The environment is unknown, or there are no iDs or too many.</exception>
    /// <exception cref="NotFoundException">No rule has this id.</exception>
    public async Task<BatchVerificationResult> VerifyBatchAsync(TenantProfile tenant, OrcidEnvironment environment, string? ruleId,
        IReadOnlyList<string?>? orcids, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (orcids is not { Count: > 0 and <= BatchVerification.MaxOrcids })
        {
            throw new InvalidFieldException("orcids", $"Give between 1 and {BatchVerification.MaxOrcids} iDs, not {orcids?.Count ?? 0}.");
        }
        var rule = await GetRuleAsync(tenant, ruleId ?? "") ?? throw new NotFoundException($"There is no trust rule '{ruleId}'.");
        var results = new BatchVerificationEntry[orcids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, orcids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = BatchVerification.Concurrency, CancellationToken = cancellationToken },
            async (i, _) => results[i] = await VerifyEntryAsync(tenant, environment, rule.Id, orcids[i] ?? "", actor));
        return new BatchVerificationResult(rule.Id, results);
    }

    private async Task<BatchVerificationEntry> VerifyEntryAsync(TenantProfile tenant, OrcidEnvironment environment, string ruleId, string orcid, AuditActor actor)
    {
        if (!OrcidId.TryParse(orcid, out _, out var malformed))
        {
            return BatchVerificationEntry.Failed(orcid, malformed);
        }
        try
        {
            return BatchVerificationEntry.Of(orcid, await VerifyAsync(tenant, new VerificationRequest(environment, orcid, ruleId), actor));
        }
        catch (InvalidFieldException unverifiable)
        {
            // ORCID has no such record.
            return BatchVerificationEntry.Failed(orcid, unverifiable.Message);
        }
    }

    private Task AuditAsync(TenantProfile tenant, VerificationResult result, AuditActor actor) =>
        audit.RecordAsync(actor, "verification.decided",
            $"{result.Rule.Id} v{result.Rule.Version} {result.Environment.Name()} {result.Orcid}: {result.Decision.ToString().ToLowerInvariant()}",
            tenant.ConsortiumSlug, tenant.Slug);

    private ITenantTrustRulesGrain Rules(TenantProfile tenant) => grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(tenant.Slug));
}
