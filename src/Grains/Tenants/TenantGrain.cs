using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Tenants;

public sealed class TenantGrain(
    [PersistentState("tenant", GrainStorage.Name)] IPersistentState<TenantState> state,
    TimeProvider clock) : Grain, ITenantGrain
{
    public async Task<TenantProfile> CreateAsync(string consortiumSlug, NewTenant tenant)
    {
        var valid = tenant.Validated();
        if (state.State.Profile is not null)
        {
            throw new AlreadyExistsException(nameof(NewTenant.Slug), $"A member organisation with the slug '{valid.Slug}' already exists.");
        }
        state.State = state.State with { Profile = new TenantProfile(valid.Slug, valid.Name, valid.RorId, clock.GetUtcNow(), consortiumSlug) };
        await state.WriteStateAsync();
        return state.State.Profile;
    }

    public Task<TenantProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<TenantProfile> SetSuspendedAsync(bool suspended)
    {
        var profile = state.State.Profile ?? throw new NotFoundException($"There is no member organisation '{TenantKey.SlugOf(this.GetPrimaryKeyString())}'.");
        if (profile.IsSuspended != suspended)
        {
            state.State = state.State with { Profile = profile with { SuspendedAt = suspended ? clock.GetUtcNow() : null } };
            await state.WriteStateAsync();
        }
        return state.State.Profile!;
    }
}
