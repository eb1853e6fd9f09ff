using Consortium.Grains.Tenants;

namespace Consortium.Grains.Interfaces;

/// <summary>The list of all tenants on the platform. A single grain: key <see cref="TenantDirectoryKey"/>.</summary>
[Alias("ITenantDirectoryGrain")]
public interface ITenantDirectoryGrain : IGrainWithStringKey
{
    public const string TenantDirectoryKey = "tenants";

    /// <exception cref="TenantValidationException">A field is malformed.</exception>
    /// <exception cref="TenantAlreadyExistsException">The slug is taken.</exception>
    [Alias("Create")]
    Task<TenantProfile> CreateAsync(NewTenant tenant);

    [Alias("List")]
    Task<IReadOnlyList<TenantProfile>> ListAsync();
}
