using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Snapshots;

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
        // A snapshot may hold "no such tenant".
        await GrainFactory.TenantChangedAsync(valid.Slug);
        return state.State.Profile;
    }

    public Task<TenantProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public Task<TenantProfile> SetSuspendedAsync(bool suspended) =>
        UpdateAsync(profile => profile.IsSuspended == suspended ? profile : profile with { SuspendedAt = suspended ? clock.GetUtcNow() : null });

    public Task<TenantProfile> SetOrganisationAsync(OrganisationDetails organisation)
    {
        var valid = organisation.Validated();
        return UpdateAsync(profile => profile with { Name = valid.Name, RorId = valid.RorId, City = valid.City, Country = valid.Country });
    }

    public Task<TenantProfile> SetLaunchApprovedAsync(bool approved) =>
        UpdateAsync(profile => profile.IsLaunchApproved == approved ? profile : profile with { LaunchApprovedAt = approved ? clock.GetUtcNow() : null });

    private async Task<TenantProfile> UpdateAsync(Func<TenantProfile, TenantProfile> change)
    {
        var profile = state.State.Profile ?? throw new NotFoundException($"There is no member organisation '{TenantKey.SlugOf(this.GetPrimaryKeyString())}'.");
        var changed = change(profile);
        if (changed != profile)
        {
            state.State = state.State with { Profile = changed };
            await state.WriteStateAsync();
            // A suspension holds for the next request, wherever the profile was read from a snapshot.
            await GrainFactory.TenantChangedAsync(changed.Slug);
        }
        return changed;
    }
}
