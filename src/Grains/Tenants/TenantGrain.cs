using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Tenants;

public sealed class TenantGrain(
    [PersistentState("tenant", GrainStorage.Name)] IPersistentState<TenantState> state,
    TimeProvider clock) : Grain, ITenantGrain
{
    public async Task<TenantProfile> CreateAsync(NewTenant tenant)
    {
        if (state.State.Profile is not null)
        {
            throw new TenantAlreadyExistsException(tenant.Slug);
        }
        var valid = NewTenantValidator.Validate(tenant);
        state.State = state.State with { Profile = new TenantProfile(valid.Slug, valid.Name, valid.RorId, clock.GetUtcNow()) };
        await state.WriteStateAsync();
        return state.State.Profile;
    }

    public Task<TenantProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);
}
