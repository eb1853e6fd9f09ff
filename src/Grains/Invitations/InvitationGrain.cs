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
        return await IssueLinkAsync(new InvitationView(InvitationToken.IdOf(this.GetPrimaryKeyString()), valid.Email, valid.Role, valid.InvitedBy,
            now, now + validFor, AcceptedAt: null, AcceptedBy: null));
    }

    public Task<InvitationView?> GetAsync() => Task.FromResult(state.State.View);

    public async Task<CreatedInvitation> RenewAsync(TimeSpan validFor)
    {
        var view = Open("sent again");
        return await IssueLinkAsync(view with { ExpiresAt = clock.GetUtcNow() + validFor });
    }

    public async Task<InvitationView> CancelAsync()
    {
        if (state.State.CancelledAt is null)
        {
            var view = Open("cancelled");
            state.State = state.State with { CancelledAt = clock.GetUtcNow() };
            await state.WriteStateAsync();
            await Team(view.Role).ForgetInvitationAsync(view.Id);
        }
        return state.State.View!;
    }

    /// <returns>The invitation, when it is neither accepted nor cancelled.</returns>
    private InvitationView Open(string toBe) => state.State switch
    {
        { View: null } => throw new InvitationRefusedException("There is no such invitation."),
        { CancelledAt: not null } => throw new InvitationRefusedException($"This invitation was cancelled; it cannot be {toBe}."),
        { View.AcceptedAt: not null } => throw new InvitationRefusedException($"This invitation has been accepted; it cannot be {toBe}."),
        { View: var view } => view,
    };

    /// <summary>A new secret for the link (the only copy goes in the email), and the team lists the invitation as waiting.</summary>
    private async Task<CreatedInvitation> IssueLinkAsync(InvitationView view)
    {
        var token = new InvitationToken(view.Id, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        state.State = state.State with { View = view, SecretHash = SecretHash.Of(token.Secret) };
        await state.WriteStateAsync();
        await Team(view.Role).InvitedAsync(new TeamInvitation(view.Id, view.Email, view.InvitedBy, clock.GetUtcNow(), view.ExpiresAt));
        return new CreatedInvitation(view, token.ToString());
    }

    public async Task<InvitationAcceptance> AcceptAsync(string secret, InvitationAcceptor acceptor)
    {
        var view = state.State.View;
        var staffId = acceptor.StaffId;
        if (view is null || !SecretHash.Matches(state.State.SecretHash, secret))
        {
            throw new InvitationRefusedException("This invitation link is not valid. Ask for a new invitation.");
        }
        if (state.State.CancelledAt is not null)
        {
            throw new InvitationRefusedException("This invitation was cancelled. Ask for a new invitation.");
        }
        if (view.AcceptedAt is not null)
        {
            // The same person again (say, after a failure while granting) gets the same answer; anyone else is refused.
            return view.AcceptedBy != staffId
                ? throw new InvitationRefusedException("This invitation has been used already. Ask for a new invitation.")
                : view.AwaitingConfirmation ? await AwaitConfirmationAsync(view, acceptor, view.AcceptedAt.Value)
                : await GrantAsync(view, acceptor);
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
        return awaiting ? await AwaitConfirmationAsync(view, acceptor, now) : await GrantAsync(view, acceptor);
    }

    private async Task<InvitationAcceptance> GrantAsync(InvitationView view, InvitationAcceptor acceptor)
    {
        await Team(view.Role).JoinAsync(new Joining(acceptor.StaffId, acceptor.Name, view.Email, view.Id));
        return new InvitationAcceptance(view.Role, AwaitingConfirmation: false);
    }

    /// <summary>Puts the acceptance in the team's waiting list (again, after a failure in between), unless it was confirmed.</summary>
    private async Task<InvitationAcceptance> AwaitConfirmationAsync(InvitationView view, InvitationAcceptor acceptor, DateTimeOffset acceptedAt)
    {
        var team = Team(view.Role);
        if ((await team.ListAsync()).Any(member => member.Orcid == acceptor.StaffId))
        {
            return new InvitationAcceptance(view.Role, AwaitingConfirmation: false);
        }
        await team.AddPendingAsync(new PendingMember(acceptor.StaffId, view.Email, acceptor.VerifiedEmail, acceptedAt, acceptor.Name, view.Id));
        return new InvitationAcceptance(view.Role, AwaitingConfirmation: true);
    }

    private ITeamGrain Team(StaffRole role) => GrainFactory.GetGrain<ITeamGrain>(TeamKey.For(role));
}
