using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Services;

/// <summary>The portal's door to tenant grains.</summary>
public sealed class TenantService(IGrainFactory grains)
{
    private ITenantDirectoryGrain Directory => grains.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.TenantDirectoryKey);

    public Task<IReadOnlyList<TenantProfile>> ListAsync() => Directory.ListAsync();

    /// <exception cref="TenantValidationException">A field is malformed.</exception>
    /// <exception cref="TenantAlreadyExistsException">The slug is taken.</exception>
    public Task<TenantProfile> CreateAsync(NewTenant tenant) => Directory.CreateAsync(tenant);
}
