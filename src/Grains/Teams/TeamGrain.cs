using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Staff;

namespace Consortium.Grains.Teams;

public sealed class TeamGrain(
    [PersistentState("team", GrainStorage.Name)] IPersistentState<TeamState> state,
    TimeProvider clock) : Grain, ITeamGrain
{
    private StaffRole Role => TeamKey.RoleOf(this.GetPrimaryKeyString());

    public Task AddAsync(string orcid) => AddAsync(new TeamMember(orcid, clock.GetUtcNow()), invitationId: null);

    public Task JoinAsync(Joining joining) =>
        AddAsync(new TeamMember(joining.Orcid, clock.GetUtcNow(), joining.Name, joining.Email), joining.InvitationId);

    private async Task AddAsync(TeamMember joining, string? invitationId)
    {
        // The person's own grain is what authorisation reads: grant there first, then list them here.
        await Staff(joining.Orcid).GrantAsync(Role);
        var listed = state.State.Members.Any(member => member.Orcid == joining.Orcid);
        var invited = state.State.Invited.Any(invitation => invitation.Id == invitationId);
        if (!listed || invited)
        {
            state.State = state.State with
            {
                Members = listed ? state.State.Members : [.. state.State.Members, joining],
                Invited = [.. state.State.Invited.Where(invitation => invitation.Id != invitationId)],
            };
            await state.WriteStateAsync();
        }
    }

    public async Task InvitedAsync(TeamInvitation invitation)
    {
        state.State = state.State with { Invited = [invitation, .. state.State.Invited.Where(listed => listed.Id != invitation.Id)] };
        await state.WriteStateAsync();
    }

    public async Task ForgetInvitationAsync(string invitationId)
    {
        if (state.State.Invited.Any(invitation => invitation.Id == invitationId))
        {
            state.State = state.State with { Invited = [.. state.State.Invited.Where(invitation => invitation.Id != invitationId)] };
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<TeamInvitation>> ListInvitedAsync() =>
        Task.FromResult<IReadOnlyList<TeamInvitation>>([.. state.State.Invited.OrderByDescending(invitation => invitation.SentAt)]);

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
            // Accepted, so no longer an invitation waiting for an answer: it waits for confirmation instead.
            state.State = state.State with
            {
                Pending = [.. state.State.Pending, pending],
                Invited = [.. state.State.Invited.Where(invitation => invitation.Id != pending.InvitationId)],
            };
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<PendingMember>> ListPendingAsync() => Task.FromResult(state.State.Pending);

    public async Task ConfirmAsync(string orcid)
    {
        var pending = EnsurePending(orcid);
        // Granted before it stops waiting: a failure in between leaves it waiting, to be confirmed again.
        await AddAsync(new TeamMember(orcid, clock.GetUtcNow(), pending.Name, pending.InvitedEmail), pending.InvitationId);
        await WithoutPendingAsync(orcid);
    }

    public async Task DeclineAsync(string orcid)
    {
        EnsurePending(orcid);
        await WithoutPendingAsync(orcid);
    }

    private PendingMember EnsurePending(string orcid) =>
        state.State.Pending.FirstOrDefault(waiting => waiting.Orcid == orcid)
            ?? throw new NotFoundException($"Nobody signed in as {orcid} is waiting to join.");

    private async Task WithoutPendingAsync(string orcid)
    {
        state.State = state.State with { Pending = [.. state.State.Pending.Where(waiting => waiting.Orcid != orcid)] };
        await state.WriteStateAsync();
    }

    private IStaffGrain Staff(string orcid) => GrainFactory.GetGrain<IStaffGrain>(StaffKey.For(orcid));
}
