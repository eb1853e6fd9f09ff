using System.Security.Cryptography;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Staff;
using Consortium.Grains.Teams;

namespace Consortium.Grains.Invitations;

public sealed class InvitationGrain(
    [PersistentState("invitation", GrainStorage.Name)] IPersistentState<InvitationState> state,
    TimeProvider clock) : Grain, IInvitationGrain
{
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public async Task<CreatedInvitation> CreateAsync(NewInvitation invitation, TimeSpan validFor)
    {
        if (state.State.View is not null)
        {
            throw new InvalidOperationException("An invitation id is used once; ask for a new id with InvitationGrain.NewId().");
        }
        var valid = invitation.Validated();
        var now = clock.GetUtcNow();
        var token = new InvitationToken(InvitationToken.IdOf(this.GetPrimaryKeyString()), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        state.State = new InvitationState
        {
            View = new InvitationView(token.Id, valid.Email, valid.Role, valid.InvitedBy, now, now + validFor, AcceptedAt: null, AcceptedBy: null),
            SecretHash = SecretHash.Of(token.Secret),
        };
        await state.WriteStateAsync();
        return new CreatedInvitation(state.State.View, token.ToString());
    }

    public Task<InvitationView?> GetAsync() => Task.FromResult(state.State.View);

    public async Task<StaffRole> AcceptAsync(string secret, string orcid)
    {
        var view = state.State.View;
        if (view is null || !SecretHash.Matches(state.State.SecretHash, secret))
        {
            throw new InvitationRefusedException("This invitation link is not valid. Ask for a new invitation.");
        }
        if (view.AcceptedAt is not null)
        {
            // The same person again (say, after a failure while granting) gets the role again; anyone else is refused.
            return view.AcceptedBy == orcid
                ? await GrantAsync(view.Role, orcid)
                : throw new InvitationRefusedException("This invitation has been used already. Ask for a new invitation.");
        }
        var now = clock.GetUtcNow();
        if (now >= view.ExpiresAt)
        {
            throw new InvitationRefusedException($"This invitation expired on {view.ExpiresAt:yyyy-MM-dd HH:mm} UTC. Ask for a new invitation.");
        }
        // Bound to this person before the role is granted, so a leaked link can never grant it to a second person.
        state.State = state.State with { View = view with { AcceptedAt = now, AcceptedBy = orcid } };
        await state.WriteStateAsync();
        return await GrantAsync(view.Role, orcid);
    }

    private async Task<StaffRole> GrantAsync(StaffRole role, string orcid)
    {
        await GrainFactory.GetGrain<ITeamGrain>(TeamKey.For(role)).AddAsync(orcid);
        return role;
    }
}
