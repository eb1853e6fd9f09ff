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

    public async Task<InvitationAcceptance> AcceptAsync(string secret, InvitationAcceptor acceptor)
    {
        var view = state.State.View;
        var staffId = acceptor.StaffId;
        if (view is null || !SecretHash.Matches(state.State.SecretHash, secret))
        {
            throw new InvitationRefusedException("This invitation link is not valid. Ask for a new invitation.");
        }
        if (view.AcceptedAt is not null)
        {
            // The same person again (say, after a failure while granting) gets the same answer; anyone else is refused.
            return view.AcceptedBy != staffId
                ? throw new InvitationRefusedException("This invitation has been used already. Ask for a new invitation.")
                : view.AwaitingConfirmation ? await AwaitConfirmationAsync(view, acceptor, view.AcceptedAt.Value)
                : await GrantAsync(view.Role, staffId);
        }
        var now = clock.GetUtcNow();
        if (now >= view.ExpiresAt)
        {
            throw new InvitationRefusedException($"This invitation expired on {view.ExpiresAt:yyyy-MM-dd HH:mm} UTC. Ask for a new invitation.");
        }
        // A leaked link must not make its finder an admin: unless their sign-in vouches for the invited address, a person
        // who manages the team confirms them first.
        var awaiting = acceptor.EmailMustMatch && !string.Equals(acceptor.VerifiedEmail?.Trim(), view.Email, StringComparison.OrdinalIgnoreCase);
        // Bound to this person before the role is granted, so a leaked link can never grant it to a second person.
        state.State = state.State with { View = view with { AcceptedAt = now, AcceptedBy = staffId, AwaitingConfirmation = awaiting } };
        await state.WriteStateAsync();
        return awaiting ? await AwaitConfirmationAsync(view, acceptor, now) : await GrantAsync(view.Role, staffId);
    }

    private async Task<InvitationAcceptance> GrantAsync(StaffRole role, string staffId)
    {
        await Team(role).AddAsync(staffId);
        return new InvitationAcceptance(role, AwaitingConfirmation: false);
    }

    /// <summary>Puts the acceptance in the team's waiting list (again, after a failure in between), unless it was confirmed.</summary>
    private async Task<InvitationAcceptance> AwaitConfirmationAsync(InvitationView view, InvitationAcceptor acceptor, DateTimeOffset acceptedAt)
    {
        var team = Team(view.Role);
        if ((await team.ListAsync()).Any(member => member.Orcid == acceptor.StaffId))
        {
            return new InvitationAcceptance(view.Role, AwaitingConfirmation: false);
        }
        await team.AddPendingAsync(new PendingMember(acceptor.StaffId, view.Email, acceptor.VerifiedEmail, acceptedAt));
        return new InvitationAcceptance(view.Role, AwaitingConfirmation: true);
    }

    private ITeamGrain Team(StaffRole role) => GrainFactory.GetGrain<ITeamGrain>(TeamKey.For(role));
}
