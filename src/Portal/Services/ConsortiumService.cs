using Consortium.Orcid;
using Consortium.Grains.Common;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;

using Consortium.Grains.Staff;
using Consortium.Grains.Teams;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Invitations;

namespace Consortium.Portal.Services;

/// <summary>The portal's door to consortium grains; every change it makes is audited.</summary>
public sealed class ConsortiumService(IGrainFactory grains, IssuingReader issuing, AuditLog audit, InvitationService invitations, Billing.BillingService billing)
{
    private IConsortiumDirectoryGrain Directory => grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key);

    public Task<IReadOnlyList<ConsortiumProfile>> ListAsync() => Directory.ListAsync();

    /// <exception cref="InvalidFieldException">A field is malformed.</exception>
    /// <exception cref="AlreadyExistsException">The slug is taken.</exception>
    public async Task<ConsortiumProfile> CreateAsync(NewConsortium consortium, AuditActor actor)
    {
        var created = await Directory.CreateAsync(consortium);
        await audit.RecordAsync(actor, "consortium.created", created.Slug, consortium: created.Slug);
        return created;
    }

    public Task<ConsortiumProfile?> GetAsync(string slug) => Consortium(slug).GetProfileAsync();

    /// <exception cref="NotFoundException">No such consortium.</exception>
    public Task<IReadOnlyList<TenantProfile>> ListTenantsAsync(string consortiumSlug) => Consortium(consortiumSlug).ListTenantsAsync();

    /// <summary>The lead's view at a glance: each member organisation with its ORCID clients.</summary>
    /// <exception cref="NotFoundException">No such consortium.</exception>
    public async Task<IReadOnlyList<TenantStatus>> ListTenantStatusAsync(string consortiumSlug)
    {
        var tenants = await ListTenantsAsync(consortiumSlug);
        return await Task.WhenAll(tenants.Select(async tenant => new TenantStatus(
            tenant,
            await Client(tenant, OrcidEnvironment.Sandbox).GetAsync(),
            await Client(tenant, OrcidEnvironment.Production).GetAsync(),
            await issuing.CountsAsync(tenant.Slug, OrcidEnvironment.Sandbox),
            await issuing.CountsAsync(tenant.Slug, OrcidEnvironment.Production),
            await grains.GetGrain<ILaunchReviewGrain>(TenantKey.For(tenant.Slug)).GetAsync())));
    }

    public Task<IReadOnlyList<TeamMember>> ListLeadsAsync(string consortiumSlug) => Leads(consortiumSlug).ListAsync();

    /// <summary>Takes the lead role away at once.</summary>
    public async Task RemoveLeadAsync(string consortiumSlug, string orcid, AuditActor actor)
    {
        await Leads(consortiumSlug).RemoveAsync(orcid);
        await audit.RecordAsync(actor, "team.lead-removed", orcid, consortium: consortiumSlug);
    }

    private ITeamGrain Leads(string consortiumSlug) =>
        grains.GetGrain<ITeamGrain>(TeamKey.For(new StaffRole(StaffRoleKind.ConsortiumLead, consortiumSlug)));

    private IOrcidClientGrain Client(TenantProfile tenant, OrcidEnvironment environment) =>
        grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant.Slug, environment));

    /// <summary>Creates the member organisation and, when an admin's address is given, emails them an invitation.</summary>
    /// <exception cref="NotFoundException">No such consortium.</exception>
    /// <exception cref="InvalidFieldException">A field, the address included, is malformed: nothing is created.</exception>
    /// <exception cref="AlreadyExistsException">The slug is taken.</exception>
    public async Task<TenantProfile> CreateTenantAsync(string consortiumSlug, NewTenant tenant, string? adminEmail, AuditActor actor)
    {
        // Check the address before anything is created, so a typo in it leaves nothing half-made.
        var email = string.IsNullOrWhiteSpace(adminEmail) ? null : Fields.Email("adminEmail", adminEmail);
        var created = await Consortium(consortiumSlug).CreateTenantAsync(tenant);
        await audit.RecordAsync(actor, "tenant.created", created.Slug, consortium: consortiumSlug, tenant: created.Slug);
        if (email is not null)
        {
            await invitations.InviteAsync(email, new StaffRole(StaffRoleKind.MemberAdmin, created.Slug), created.Name, consortiumSlug, created.Slug, actor);
        }
        // A member joining mid-year is billed for the rest of it.
        await billing.SyncQuantitiesAsync(consortiumSlug);
        return created;
    }

    /// <exception cref="NotFoundException">No such member organisation in this consortium.</exception>
    public async Task<TenantProfile> SetTenantSuspendedAsync(string consortiumSlug, string tenantSlug, bool suspended, AuditActor actor)
    {
        var updated = await (await MemberAsync(consortiumSlug, tenantSlug)).SetSuspendedAsync(suspended);
        await audit.RecordAsync(actor, suspended ? "tenant.suspended" : "tenant.resumed", tenantSlug, consortiumSlug, tenantSlug);
        // A suspended member is not billed from now on; resumed, it is again.
        await billing.SyncQuantitiesAsync(consortiumSlug);
        return updated;
    }

    /// <exception cref="NotFoundException">The tenant is not a member of this consortium.</exception>
    private async Task<ITenantGrain> MemberAsync(string consortiumSlug, string tenantSlug)
    {
        var tenant = grains.GetGrain<ITenantGrain>(TenantKey.For(tenantSlug));
        return (await tenant.GetProfileAsync())?.ConsortiumSlug == consortiumSlug
            ? tenant
            : throw new NotFoundException($"There is no member organisation '{tenantSlug}' in consortium '{consortiumSlug}'.");
    }


    private IConsortiumGrain Consortium(string slug) => grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(slug));
}
