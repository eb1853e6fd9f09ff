using Consortium.Grains.Common;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Interfaces;

/// <summary>One member organisation. Key: <see cref="TenantKey.For"/> of its slug.</summary>
[Alias("ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Called by the consortium the tenant joins; tenant slugs are unique across the platform.</summary>
    /// <exception cref="InvalidFieldException">A field is malformed.</exception>
    /// <exception cref="AlreadyExistsException">The tenant was created before.</exception>
    [Alias("Create")]
    Task<TenantProfile> CreateAsync(string consortiumSlug, NewTenant tenant);

    /// <returns>The profile, or null when no tenant has this slug.</returns>
    [Alias("GetProfile")]
    Task<TenantProfile?> GetProfileAsync();

    /// <summary>A suspended tenant's API keys and researcher pages stop working until it is resumed.</summary>
    /// <exception cref="NotFoundException">The tenant does not exist.</exception>
    [Alias("SetSuspended")]
    Task<TenantProfile> SetSuspendedAsync(bool suspended);

    /// <exception cref="InvalidFieldException">A field is malformed; nothing is changed.</exception>
    /// <exception cref="NotFoundException">The tenant does not exist.</exception>
    [Alias("SetOrganisation")]
    Task<TenantProfile> SetOrganisationAsync(OrganisationDetails organisation);

    /// <summary>Opens (or closes again) production consent and issuing.</summary>
    /// <exception cref="NotFoundException">The tenant does not exist.</exception>
    [Alias("SetLaunchApproved")]
    Task<TenantProfile> SetLaunchApprovedAsync(bool approved);
}
