using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Staff;

public sealed class StaffGrain([PersistentState("staff", GrainStorage.Name)] IPersistentState<StaffState> state) : Grain, IStaffGrain
{
    public Task<IReadOnlyList<StaffRole>> GetRolesAsync() => Task.FromResult(state.State.Roles);

    public async Task GrantAsync(StaffRole role)
    {
        if (!state.State.Roles.Contains(role))
        {
            state.State = state.State with { Roles = [.. state.State.Roles, role] };
            await state.WriteStateAsync();
        }
    }

    public async Task RevokeAsync(StaffRole role)
    {
        if (state.State.Roles.Contains(role))
        {
            state.State = state.State with { Roles = [.. state.State.Roles.Where(held => held != role)] };
            await state.WriteStateAsync();
        }
    }
}
