using Consortium.Grains.Common;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Services;

/// <summary>The portal's door to consortium grains.</summary>
public sealed class ConsortiumService(IGrainFactory grains)
{
    private IConsortiumDirectoryGrain Directory => grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key);

    public Task<IReadOnlyList<ConsortiumProfile>> ListAsync() => Directory.ListAsync();

    /// <exception cref="InvalidFieldException">A field is malformed.</exception>
    /// <exception cref="AlreadyExistsException">The slug is taken.</exception>
    public Task<ConsortiumProfile> CreateAsync(NewConsortium consortium) => Directory.CreateAsync(consortium);

    public Task<ConsortiumProfile?> GetAsync(string slug) => Consortium(slug).GetProfileAsync();

    /// <exception cref="NotFoundException">No such consortium.</exception>
    public Task<IReadOnlyList<TenantProfile>> ListTenantsAsync(string consortiumSlug) => Consortium(consortiumSlug).ListTenantsAsync();

    /// <exception cref="NotFoundException">No such consortium.</exception>
    /// <exception cref="InvalidFieldException">A field is malformed.</exception>
    /// <exception cref="AlreadyExistsException">The slug is taken.</exception>
    public Task<TenantProfile> CreateTenantAsync(string consortiumSlug, NewTenant tenant) => Consortium(consortiumSlug).CreateTenantAsync(tenant);

    private IConsortiumGrain Consortium(string slug) => grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(slug));
}
