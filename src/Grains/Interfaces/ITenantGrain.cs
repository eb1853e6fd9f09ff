using Consortium.Grains.Tenants;

namespace Consortium.Grains.Interfaces;

/// <summary>One member organisation. Key: <see cref="TenantKey.For"/> of its slug.</summary>
[Alias("ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <exception cref="TenantAlreadyExistsException">The tenant was created before.</exception>
    [Alias("Create")]
    Task<TenantProfile> CreateAsync(NewTenant tenant);

    /// <returns>The profile, or null when no tenant has this slug.</returns>
    [Alias("GetProfile")]
    Task<TenantProfile?> GetProfileAsync();
}
