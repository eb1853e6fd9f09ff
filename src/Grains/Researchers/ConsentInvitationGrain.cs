using System.Security.Cryptography;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Issuing;

namespace Consortium.Grains.Researchers;

public sealed class ConsentInvitationGrain(
    [PersistentState("consent-invitation", GrainStorage.Name)] IPersistentState<ConsentInvitationState> state,
    TimeProvider clock) : Grain, IConsentInvitationGrain
{
    private const string KeyPrefix = "ci:";

    public static string KeyFor(string id) => KeyPrefix + id;

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public async Task<string> CreateAsync(ConsentInvitation invitation)
    {
        if (state.State.Invitation is not null)
        {
            throw new InvalidOperationException("A consent invitation id is used once; ask for a new id with ConsentInvitationGrain.NewId().");
        }
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        state.State = new ConsentInvitationState { Invitation = invitation, SecretHash = SecretHash.Of(secret) };
        await state.WriteStateAsync();
        return new InvitationToken(invitation.Id, secret).ToString();
    }

    public Task<ConsentInvitation> OpenAsync(string secret) => Task.FromResult(Check(secret, orcid: null));

    public async Task AcceptAsync(string secret, string orcid)
    {
        var invitation = Check(secret, orcid);
        if (invitation.AcceptedBy is null)
        {
            // Bound to this researcher first, so a forwarded link can never hand the qualification to a second person.
            state.State = state.State with { Invitation = invitation with { AcceptedBy = orcid } };
            await state.WriteStateAsync();
        }
        await Ledger(invitation).AssignResearcherAsync(invitation.IssuanceId, orcid);
    }

    public async Task DeclineAsync(string secret)
    {
        var invitation = Check(secret, orcid: null);
        await Ledger(invitation).DeclineAsync(invitation.IssuanceId);
    }

    private ConsentInvitation Check(string secret, string? orcid)
    {
        var invitation = state.State.Invitation;
        if (invitation is null || !SecretHash.Matches(state.State.SecretHash, secret ?? ""))
        {
            throw new InvitationRefusedException("This invitation link is not valid. Ask the organisation for a new one.");
        }
        if (invitation.AcceptedBy is { } acceptedBy && orcid is not null && acceptedBy != orcid)
        {
            throw new InvitationRefusedException("This invitation has been used by another ORCID iD. Ask the organisation for a new one.");
        }
        if (invitation.AcceptedBy is null && clock.GetUtcNow() >= invitation.ExpiresAt)
        {
            throw new InvitationRefusedException($"This invitation expired on {invitation.ExpiresAt:yyyy-MM-dd}. Ask the organisation for a new one.");
        }
        return invitation;
    }

    private ITenantIssuingGrain Ledger(ConsentInvitation invitation) =>
        GrainFactory.GetGrain<ITenantIssuingGrain>(IssuingKey.For(invitation.Tenant, invitation.Environment));
}
