using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Consortia;

public sealed class ConsortiumGrain(
    [PersistentState("consortium", GrainStorage.Name)] IPersistentState<ConsortiumState> state,
    TimeProvider clock) : Grain, IConsortiumGrain
{
    public async Task<ConsortiumProfile> CreateAsync(NewConsortium consortium)
    {
        var valid = consortium.Validated();
        if (state.State.Profile is not null)
        {
            throw new AlreadyExistsException(nameof(NewConsortium.Slug), $"A consortium with the slug '{valid.Slug}' already exists.");
        }
        state.State = state.State with { Profile = new ConsortiumProfile(valid.Slug, valid.Name, clock.GetUtcNow()) };
        await state.WriteStateAsync();
        return state.State.Profile;
    }

    public Task<ConsortiumProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<TenantProfile> CreateTenantAsync(NewTenant tenant)
    {
        var profile = RequireProfile();
        var valid = tenant.Validated();
        // The tenant grain refuses a second create, so if a crash loses the list write below,
        // creating the same tenant again fails loudly instead of making a twin.
        var created = await GrainFactory.GetGrain<ITenantGrain>(TenantKey.For(valid.Slug)).CreateAsync(profile.Slug, valid);
        state.State = state.State with { TenantSlugs = [.. state.State.TenantSlugs, created.Slug] };
        await state.WriteStateAsync();
        return created;
    }

    public async Task<IReadOnlyList<TenantProfile>> ListTenantsAsync()
    {
        RequireProfile();
        var profiles = await Task.WhenAll(state.State.TenantSlugs.Select(slug => GrainFactory.GetGrain<ITenantGrain>(TenantKey.For(slug)).GetProfileAsync()));
        return [.. profiles.OfType<TenantProfile>().OrderBy(tenant => tenant.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private ConsortiumProfile RequireProfile() =>
        state.State.Profile ?? throw new NotFoundException($"There is no consortium '{ConsortiumKey.SlugOf(this.GetPrimaryKeyString())}'.");
}
