using Consortium.Orcid;
using Consortium.Grains.ApiKeys;
using Consortium.Grains.Branding;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Staff;
using Consortium.Grains.Teams;
using Consortium.Grains.Tenants;
using Consortium.Grains.Webhooks;
using Consortium.Portal.Audit;

namespace Consortium.Portal.Services;

/// <summary>A member organisation's settings, for its admins' pages and the API alike; every change is audited.</summary>
public sealed class TenantAdminService(IGrainFactory grains, AuditLog audit)
{
    public Task<TenantProfile?> GetProfileAsync(string tenantSlug) => grains.GetGrain<ITenantGrain>(TenantKey.For(tenantSlug)).GetProfileAsync();

    public Task<TenantBranding> GetBrandingAsync(TenantProfile tenant) => Branding(tenant).GetAsync();

    /// <summary>Name, ROR id, city and country: how ORCID names the organisation in its qualifications.</summary>
    /// <exception cref="InvalidFieldException">A field is malformed; nothing is changed.</exception>
    public async Task<TenantProfile> SetOrganisationAsync(TenantProfile tenant, OrganisationDetails organisation, AuditActor actor)
    {
        var saved = await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant.Slug)).SetOrganisationAsync(organisation);
        await RecordAsync(tenant, actor, "organisation.updated", tenant.Slug);
        return saved;
    }

    /// <exception cref="InvalidFieldException">A field is malformed; nothing is changed.</exception>
    public async Task<TenantBranding> SetBrandingAsync(TenantProfile tenant, TenantBranding branding, AuditActor actor)
    {
        var saved = await Branding(tenant).SetAsync(branding);
        await RecordAsync(tenant, actor, "branding.updated", tenant.Slug);
        return saved;
    }

    public async Task<bool> HasLogoAsync(TenantProfile tenant) => await Branding(tenant).GetLogoAsync() is not null;

    /// <exception cref="InvalidFieldException">Too large or not an image; the old logo is kept.</exception>
    public async Task SetLogoAsync(TenantProfile tenant, byte[] content, AuditActor actor)
    {
        await Branding(tenant).SetLogoAsync(content);
        await RecordAsync(tenant, actor, "branding.logo-updated", tenant.Slug);
    }

    public Task<IReadOnlyList<ApiKeyView>> ListApiKeysAsync(TenantProfile tenant) => ApiKeys(tenant).ListAsync();

    /// <exception cref="InvalidFieldException">The name is empty or too long.</exception>
    public async Task<CreatedApiKey> CreateApiKeyAsync(TenantProfile tenant, string name, AuditActor actor)
    {
        var created = await ApiKeys(tenant).CreateAsync(name);
        await RecordAsync(tenant, actor, "api-key.created", created.View.Id);
        return created;
    }

    /// <exception cref="NotFoundException">No key has this id.</exception>
    public async Task RevokeApiKeyAsync(TenantProfile tenant, string id, AuditActor actor)
    {
        await ApiKeys(tenant).RevokeAsync(id);
        await RecordAsync(tenant, actor, "api-key.revoked", id);
    }

    public Task<OrcidClientView?> GetOrcidClientAsync(TenantProfile tenant, OrcidEnvironment environment) =>
        OrcidClient(tenant, environment).GetAsync();

    /// <summary>Validated against the environment by ORCID itself before anything is stored.</summary>
    /// <exception cref="InvalidFieldException">Malformed, or ORCID refused them; nothing is changed.</exception>
    /// <exception cref="OrcidUnreachableException">ORCID did not answer; nothing is changed.</exception>
    public async Task<OrcidClientView> SaveOrcidClientAsync(TenantProfile tenant, OrcidEnvironment environment, string clientId, string clientSecret, AuditActor actor)
    {
        var saved = await OrcidClient(tenant, environment).StoreAsync(clientId, clientSecret);
        await RecordAsync(tenant, actor, "orcid-client.saved", $"{saved.Environment.Name()} {saved.ClientId}");
        return saved;
    }

    /// <summary>Whether ORCID takes this environment's webhooks, which end cached records early when they change.</summary>
    public Task<WebhookStatus> GetWebhookStatusAsync(TenantProfile tenant, OrcidEnvironment environment) =>
        grains.GetGrain<IWebhookStatusGrain>(OrcidClientKey.For(tenant.Slug, environment)).GetAsync();

    public Task<IReadOnlyList<TeamMember>> ListAdminsAsync(TenantProfile tenant) => Admins(tenant).ListAsync();

    /// <summary>Takes the admin role away at once: the person's next request no longer reaches the organisation.</summary>
    public async Task RemoveAdminAsync(TenantProfile tenant, string orcid, AuditActor actor)
    {
        await Admins(tenant).RemoveAsync(orcid);
        await RecordAsync(tenant, actor, "team.admin-removed", orcid);
    }

    public Task<AuditPage> GetAuditAsync(TenantProfile tenant, int page, int pageSize, string? action = null) =>
        audit.ForTenantAsync(tenant.Slug, page, pageSize, action);

    private Task RecordAsync(TenantProfile tenant, AuditActor actor, string action, string target) =>
        audit.RecordAsync(actor, action, target, tenant.ConsortiumSlug, tenant.Slug);

    private ITenantBrandingGrain Branding(TenantProfile tenant) => grains.GetGrain<ITenantBrandingGrain>(TenantKey.For(tenant.Slug));

    private IOrcidClientGrain OrcidClient(TenantProfile tenant, OrcidEnvironment environment) =>
        grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant.Slug, environment));

    private ITeamGrain Admins(TenantProfile tenant) =>
        grains.GetGrain<ITeamGrain>(TeamKey.For(new StaffRole(StaffRoleKind.MemberAdmin, tenant.Slug)));

    private ITenantApiKeysGrain ApiKeys(TenantProfile tenant) => grains.GetGrain<ITenantApiKeysGrain>(TenantKey.For(tenant.Slug));
}
