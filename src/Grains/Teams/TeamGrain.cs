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

    private IStaffGrain Staff(string orcid) => GrainFactory.GetGrain<IStaffGrain>(StaffKey.For(orcid));
}
