using System.Security.Cryptography;
using System.Text;
using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Microsoft.Extensions.Logging;

namespace Consortium.Grains.Researchers;

/// <summary>Kept in memory on purpose: a state lives for minutes, and a restart in between only asks the researcher to click again.</summary>
public sealed class ConsentRequestGrain(TimeProvider clock, ILogger<ConsentRequestGrain> logger) : Grain, IConsentRequestGrain
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private const string KeyPrefix = "cr:";

    private ConsentRequest? request;
    private DateTimeOffset startedAt;
    private bool used;

    public static string KeyFor(string state) => KeyPrefix + state;

    public static string NewState() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public Task BeginAsync(ConsentRequest consent)
    {
        if (request is not null)
        {
            throw new InvalidOperationException("An OAuth state is used once; make a new one with ConsentRequestGrain.NewState().");
        }
        request = consent;
        startedAt = clock.GetUtcNow();
        DelayDeactivation(Lifetime);
        return Task.CompletedTask;
    }

    public async Task<ConsentOutcome> AuthorizeAsync(string tenant, string browserProof, string code, Uri redirectUri)
    {
        var consent = Consume(tenant, browserProof);
        var environment = consent.Environment;
        var profile = await GrainFactory.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync();
        if (profile is not null && await GrainFactory.ClosedInAsync(profile, environment, clock.GetUtcNow()) is { } closed)
        {
            throw new ConsentRefusedException(closed);
        }
        GrantedConsent granted;
        try
        {
            granted = await GrainFactory.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant, environment)).ExchangeCodeAsync(code, redirectUri, consent.Nonce);
        }
        catch (OrcidUnreachableException)
        {
            // The page offers to try again, in the same environment and with the same invitation.
            return new ConsentOutcome(environment, null, consent.InvitationToken, null, OrcidUnreachable: true, consent.ReturnPath);
        }
        var researcher = await GrainFactory.GetGrain<IResearcherGrain>(ResearcherKey.For(tenant, environment, granted.Orcid)).ConnectAsync(granted);
        var notice = await AcceptInvitationAsync(consent.InvitationToken, granted.Orcid);
        await EnrolAsync(tenant, consent.EnrolmentToken, granted.Orcid);
        return new ConsentOutcome(environment, researcher, consent.InvitationToken, notice, ReturnPath: consent.ReturnPath,
            ClaimRefused: await ClaimAsync(tenant, consent.ClaimToken, granted.Orcid));
    }

    public async Task<ConsentOutcome> DenyAsync(string tenant, string browserProof)
    {
        var consent = Consume(tenant, browserProof);
        await GrainFactory.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant, consent.Environment)).ConsentDeniedAsync();
        if (consent.InvitationToken is not null && InvitationToken.TryParse(consent.InvitationToken, out var token))
        {
            try
            {
                await Invitation(token).DeclineAsync(token.Secret);
            }
            catch (InvitationRefusedException)
            {
                // Nothing to decline: the page shows the denial either way.
            }
        }
        return new ConsentOutcome(consent.Environment, null, consent.InvitationToken, null, ReturnPath: consent.ReturnPath);
    }

    private ConsentRequest Consume(string tenant, string browserProof)
    {
        var consent = request;
        var valid = consent is not null && !used && clock.GetUtcNow() - startedAt <= Lifetime
            && consent.Tenant == tenant && SameProof(consent.BrowserProof, browserProof);
        // Used up by any attempt, right or wrong: a state is never accepted twice.
        used = true;
        return valid
            ? consent!
            : throw new ConsentRefusedException("This sign-in link has expired or was already used, or it was started in another browser. Please connect again.");
    }

    private async Task<string?> AcceptInvitationAsync(string? invitationToken, string orcid)
    {
        if (invitationToken is null || !InvitationToken.TryParse(invitationToken, out var token))
        {
            return null;
        }
        try
        {
            await Invitation(token).AcceptAsync(token.Secret, orcid);
            return null;
        }
        catch (InvitationRefusedException refused)
        {
            return refused.Message;
        }
    }

    /// <returns>Why the claim could not be claimed, or null (claimed, or no claim link).</returns>
    private async Task<ClaimRefusal?> ClaimAsync(string tenant, string? claimToken, string orcid)
    {
        if (claimToken is null)
        {
            return null;
        }
        try
        {
            if (await GrainFactory.ResolveAsync(tenant, claimToken) is not var (claim, secret))
            {
                return ClaimRefusal.NotValid;
            }
            await claim.ClaimAsync(secret, orcid);
            return null;
        }
        catch (ClaimRefusedException refused)
        {
            return refused.Reason;
        }
        catch (Exception notSubmitted) when (notSubmitted is IssuingClosedException or Common.InvalidFieldException)
        {
            // Bound to the researcher but not submitted: the claim page says it is not written yet and offers to connect again,
            // which submits it again.
            logger.LogWarning("A claim of {Tenant} was claimed but its issuance was refused: {Reason}", tenant, notSubmitted.Message);
            return null;
        }
    }

    /// <summary>Links the learner of a course sign-up to the iD they connected; a link that is not valid links nothing (the connect
    /// endpoint checked it before sending the learner to ORCID).</summary>
    private async Task EnrolAsync(string tenant, string? enrolmentToken, string orcid)
    {
        if (enrolmentToken is not null && InvitationToken.TryParse(enrolmentToken, out var token))
        {
            try
            {
                await GrainFactory.GetGrain<IEnrolmentGrain>(EnrolmentKey.For(tenant, token.Id)).ConnectAsync(token.Secret, orcid);
            }
            catch (ClaimRefusedException)
            {
                // Nothing to link: the researcher is connected all the same.
            }
        }
    }

    private IConsentInvitationGrain Invitation(InvitationToken token) => GrainFactory.GetGrain<IConsentInvitationGrain>(ConsentInvitationGrain.KeyFor(token.Id));

    private static bool SameProof(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented ?? ""));
}
