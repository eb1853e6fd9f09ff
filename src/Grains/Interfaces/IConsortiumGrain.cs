using Consortium.Grains.Common;
using Consortium.Grains.Consortia;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Interfaces;

/// <summary>One ORCID consortium and its member organisations. Key: <see cref="ConsortiumKey.For"/> of its slug.</summary>
[Alias("IConsortiumGrain")]
public interface IConsortiumGrain : IGrainWithStringKey
{
    /// <exception cref="AlreadyExistsException">The consortium was created before.</exception>
    [Alias("Create")]
    Task<ConsortiumProfile> CreateAsync(NewConsortium consortium);

    /// <returns>The profile, or null when no consortium has this slug.</returns>
    [Alias("GetProfile")]
    Task<ConsortiumProfile?> GetProfileAsync();

    /// <exception cref="NotFoundException">The consortium does not exist.</exception>
    /// <exception cref="InvalidFieldException">A field is malformed.</exception>
    /// <exception cref="AlreadyExistsException">The slug is taken by any tenant on the platform.</exception>
    [Alias("CreateTenant")]
    Task<TenantProfile> CreateTenantAsync(NewTenant tenant);

    /// <exception cref="NotFoundException">The consortium does not exist.</exception>
    [Alias("ListTenants")]
    Task<IReadOnlyList<TenantProfile>> ListTenantsAsync();
}
