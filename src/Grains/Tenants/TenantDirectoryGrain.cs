using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Tenants;

public sealed class TenantDirectoryGrain(
    [PersistentState("tenant-directory", GrainStorage.Name)] IPersistentState<TenantDirectoryState> state) : Grain, ITenantDirectoryGrain
{
    public async Task<TenantProfile> CreateAsync(NewTenant tenant)
    {
        var valid = NewTenantValidator.Validate(tenant);
        // The tenant grain refuses a second create, so a slug lost from the list by a crash
        // between these two writes is re-added by trying again.
        var profile = await TenantGrainFor(valid.Slug).CreateAsync(valid);
        state.State = state.State with { Slugs = [.. state.State.Slugs, profile.Slug] };
        await state.WriteStateAsync();
        return profile;
    }

    public async Task<IReadOnlyList<TenantProfile>> ListAsync()
    {
        var profiles = await Task.WhenAll(state.State.Slugs.Select(slug => TenantGrainFor(slug).GetProfileAsync()));
        return [.. profiles.OfType<TenantProfile>().OrderBy(profile => profile.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private ITenantGrain TenantGrainFor(string slug) => GrainFactory.GetGrain<ITenantGrain>(TenantKey.For(slug));
}
