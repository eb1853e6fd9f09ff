using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Staff;

namespace Consortium.Grains.Teams;

public sealed class TeamGrain(
    [PersistentState("team", GrainStorage.Name)] IPersistentState<TeamState> state,
    TimeProvider clock) : Grain, ITeamGrain
{
    private StaffRole Role => TeamKey.RoleOf(this.GetPrimaryKeyString());

    public async Task AddAsync(string orcid)
    {
        // The person's own grain is what authorisation reads: grant there first, then list them here.
        await Staff(orcid).GrantAsync(Role);
        if (state.State.Members.All(member => member.Orcid != orcid))
        {
            state.State = state.State with { Members = [.. state.State.Members, new TeamMember(orcid, clock.GetUtcNow())] };
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string orcid)
    {
        await Staff(orcid).RevokeAsync(Role);
        if (state.State.Members.Any(member => member.Orcid == orcid))
        {
            state.State = state.State with { Members = [.. state.State.Members.Where(member => member.Orcid != orcid)] };
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<TeamMember>> ListAsync() => Task.FromResult(state.State.Members);

    public async Task AddPendingAsync(PendingMember pending)
    {
        if (state.State.Pending.All(waiting => waiting.Orcid != pending.Orcid))
        {
            state.State = state.State with { Pending = [.. state.State.Pending, pending] };
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<PendingMember>> ListPendingAsync() => Task.FromResult(state.State.Pending);

    public async Task ConfirmAsync(string orcid)
    {
        EnsurePending(orcid);
        // Granted before it stops waiting: a failure in between leaves it waiting, to be confirmed again.
        await AddAsync(orcid);
        await WithoutPendingAsync(orcid);
    }

    public async Task DeclineAsync(string orcid)
    {
        EnsurePending(orcid);
        await WithoutPendingAsync(orcid);
    }

    private void EnsurePending(string orcid)
    {
        if (state.State.Pending.All(waiting => waiting.Orcid != orcid))
        {
            throw new NotFoundException($"Nobody signed in as {orcid} is waiting to join.");
        }
    }

    private async Task WithoutPendingAsync(string orcid)
    {
        state.State = state.State with { Pending = [.. state.State.Pending.Where(waiting => waiting.Orcid != orcid)] };
        await state.WriteStateAsync();
    }

    private IStaffGrain Staff(string orcid) => GrainFactory.GetGrain<IStaffGrain>(StaffKey.For(orcid));
}
