using System.Collections.Immutable;
using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Badges;

public sealed class StatusListGrain(
    [PersistentState("status-list", GrainStorage.Name)] IPersistentState<StatusListState> state) : Grain, IStatusListGrain
{
    public async Task<StatusIndex> AllocateAsync()
    {
        var index = StatusIndex.Of(state.State.Allocated);
        state.State = state.State with { Allocated = state.State.Allocated + 1 };
        await state.WriteStateAsync();
        return index;
    }

    public async Task RevokeAsync(StatusIndex index)
    {
        var revoked = state.State.Revoked.GetValueOrDefault(index.List, []);
        if (revoked.Contains(index.Position))
        {
            return;
        }
        state.State = state.State with { Revoked = state.State.Revoked.SetItem(index.List, revoked.Add(index.Position)) };
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<int>?> GetRevokedAsync(int list) =>
        Task.FromResult<IReadOnlyList<int>?>(state.State.Allocated > 0 && list >= 1 && list <= StatusIndex.Of(state.State.Allocated - 1).List
            ? [.. state.State.Revoked.GetValueOrDefault(list, [])]
            : null);
}
