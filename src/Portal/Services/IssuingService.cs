using Consortium.Portal.Text;
using Consortium.Orcid;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;
using Consortium.Portal.Researchers;

namespace Consortium.Portal.Services;

/// <summary>A member organisation's templates, issuances and researchers, for its admins' pages and the API alike.</summary>
public sealed class IssuingService(IGrainFactory grains, IssuingReader reader, PortalAddress portal, AuditLog audit, TimeProvider clock)
{
    /// <summary>Why issuing is closed in <paramref name="environment"/> now (<see cref="TenantProfile.ClosedIn"/>), or null.</summary>
    public Task<string?> ClosedInAsync(TenantProfile tenant, OrcidEnvironment environment) =>
        grains.ClosedInAsync(tenant, environment, clock.GetUtcNow());

    public Task<IReadOnlyList<QualificationTemplate>> ListTemplatesAsync(TenantProfile tenant) => Templates(tenant).ListAsync();

    public Task<QualificationTemplate?> GetTemplateAsync(TenantProfile tenant, string id) => Templates(tenant).GetAsync(id);

    /// <exception cref="InvalidFieldException">A field is malformed; nothing is changed.</exception>
    public async Task<QualificationTemplate> SaveTemplateAsync(TenantProfile tenant, string id, TemplateInput input, AuditActor actor)
    {
        var saved = await Templates(tenant).SaveAsync(id, input);
        await RecordAsync(tenant, actor, "template.saved", saved.Id);
        return saved;
    }

    /// <summary>How many qualifications written from a template (or on their way to ORCID) a change to it rewrites, in both environments.</summary>
    public async Task<int> WrittenFromTemplateAsync(TenantProfile tenant, string templateId)
    {
        var written = new IssuanceQuery { TemplateId = templateId, Statuses = [IssuanceStatus.InOrcid, IssuanceStatus.Queued], Take = 1 };
        var sandbox = await ListAsync(tenant, OrcidEnvironment.Sandbox, written);
        var production = await ListAsync(tenant, OrcidEnvironment.Production, written);
        return sandbox.Total + production.Total;
    }

    /// <summary>Submits issuances; the queue sends an email invitation to each researcher asked for by email, in the background.</summary>
    /// <exception cref="InvalidFieldException">A request is malformed; nothing is submitted.</exception>
    /// <exception cref="IssuingClosedException">The environment is not open; nothing is submitted.</exception>
    public async Task<IReadOnlyList<IssuanceCreated>> SubmitAsync(TenantProfile tenant, OrcidEnvironment environment, IReadOnlyList<NewIssuance> requests, AuditActor actor)
    {
        var created = await Ledger(tenant, environment).SubmitAsync(requests, portal.Base.AbsoluteUri);
        var changed = created.Where(c => c.Changed).ToList();
        if (changed.Count == 1)
        {
            await RecordAsync(tenant, actor, "issuance.submitted", changed[0].View.Id);
        }
        else if (changed.Count > 1)
        {
            await RecordAsync(tenant, actor, "issuance.submitted", $"{Plural.Of(changed.Count, "issuance")} in {environment.Name()}");
        }
        return created;
    }

    /// <returns>The issuance, or null when the id names none.</returns>
    public Task<IssuanceView?> GetAsync(TenantProfile tenant, string issuanceId) =>
        IssuingKey.ParseIssuanceId(issuanceId) is null ? Task.FromResult<IssuanceView?>(null) : Issuance(tenant, issuanceId).GetAsync();

    public Task<IssuancePage> ListAsync(TenantProfile tenant, OrcidEnvironment environment, IssuanceQuery query) =>
        reader.ListAsync(tenant.Slug, environment, query);

    /// <summary>
    /// What this template already gave this person (by iD, or by email for an invitation), withdrawn ones aside: a second
    /// issuance with another external id writes a second qualification, which the issue-one form warns about.
    /// </summary>
    public async Task<IReadOnlyList<IssuanceView>> EarlierIssuancesAsync(
        TenantProfile tenant, OrcidEnvironment environment, string templateId, string? orcid, string? email)
    {
        var byOrcid = OrcidId.TryParse(orcid, out var id);
        var byEmail = !byOrcid && !string.IsNullOrWhiteSpace(email);
        if (!byOrcid && !byEmail)
        {
            return [];
        }
        var query = byOrcid
            ? new IssuanceQuery { TemplateId = templateId, Orcid = id.Value }
            : new IssuanceQuery { TemplateId = templateId, Search = email!.Trim() };
        var page = await reader.ListAsync(tenant.Slug, environment, query);
        return [.. page.Items.Where(issuance => issuance.Status != IssuanceStatus.Revoked
            && (byOrcid || string.Equals(issuance.Email, email!.Trim(), StringComparison.OrdinalIgnoreCase)))];
    }

    public Task<IReadOnlyList<IssuanceView>> GetManyAsync(TenantProfile tenant, IReadOnlyList<string> ids) => reader.GetManyAsync(tenant.Slug, ids);

    public Task<IssuingCounts> CountsAsync(TenantProfile tenant, OrcidEnvironment environment) =>
        reader.CountsAsync(tenant.Slug, environment);

    /// <exception cref="NotFoundException">No issuance has this id.</exception>
    public async Task<IssuanceView> RevokeAsync(TenantProfile tenant, string issuanceId, AuditActor actor)
    {
        var revoked = await Ledger(tenant, EnvironmentOf(issuanceId)).RevokeAsync(issuanceId);
        await RecordAsync(tenant, actor, "issuance.revoked", issuanceId);
        return revoked;
    }

    /// <exception cref="NotFoundException">No issuance has this id.</exception>
    public async Task<IssuanceView> RetryAsync(TenantProfile tenant, string issuanceId, AuditActor actor)
    {
        var retried = await Ledger(tenant, EnvironmentOf(issuanceId)).RetryAsync(issuanceId);
        await RecordAsync(tenant, actor, "issuance.retried", issuanceId);
        return retried;
    }

    public async Task<int> ReconcileAsync(TenantProfile tenant, OrcidEnvironment environment, AuditActor actor)
    {
        var checkedCount = await Ledger(tenant, environment).ReconcileAsync();
        await RecordAsync(tenant, actor, "issuance.reconciled", $"{checkedCount} in {environment.Name()}");
        return checkedCount;
    }

    public Task<ResearcherPage> ListResearchersAsync(TenantProfile tenant, OrcidEnvironment environment, ResearcherQuery query) =>
        reader.ListResearchersAsync(tenant.Slug, environment, query);

    public Task<ResearcherView?> GetResearcherAsync(TenantProfile tenant, OrcidEnvironment environment, string orcid) =>
        grains.GetGrain<IResearcherGrain>(ResearcherKey.For(tenant.Slug, environment, orcid)).GetAsync();

    private static OrcidEnvironment EnvironmentOf(string issuanceId) =>
        IssuingKey.ParseIssuanceId(issuanceId)?.Environment ?? throw new NotFoundException($"There is no issuance '{issuanceId}'.");

    private Task RecordAsync(TenantProfile tenant, AuditActor actor, string action, string target) =>
        audit.RecordAsync(actor, action, target, tenant.ConsortiumSlug, tenant.Slug);

    private ITenantTemplatesGrain Templates(TenantProfile tenant) => grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenant.Slug));

    private ITenantIssuingGrain Ledger(TenantProfile tenant, OrcidEnvironment environment) =>
        grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant.Slug, environment));

    private IIssuanceGrain Issuance(TenantProfile tenant, string issuanceId) =>
        grains.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(tenant.Slug, issuanceId));
}
