using System.Buffers.Text;
using System.Security.Cryptography;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Issuing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Consortium.Grains.Courses;

/// <summary>
/// One claim link. The link's secret (256 random bits) is kept as a hash to recognise it and, encrypted, to answer the same
/// link when the platform sends the same claim again; nothing in the stored state opens the link by itself. Claiming binds the
/// claim to the first iD and submits its issuance, whose external id is the claim's, so a second claim writes nothing twice.
/// </summary>
public sealed class ClaimGrain(
    [PersistentState("claim", GrainStorage.Name)] IPersistentState<ClaimState> state,
    ICoursesProjection projection,
    IDataProtectionProvider protection,
    IOptions<ClaimsOptions> options,
    TimeProvider clock) : Grain, IClaimGrain
{
    private (string Tenant, Orcid.OrcidEnvironment Environment, string ExternalId) Key => ClaimKey.Parse(this.GetPrimaryKeyString());

    private IDataProtector Protector => protection.CreateProtector(ClaimKey.ProtectionPurpose(Key.Tenant));

    public async Task<ClaimCreated> CreateAsync(NewClaim claim, string portalUrl)
    {
        if (state.State.View is { } existing)
        {
            return new ClaimCreated(existing, Protector.Unprotect(state.State.ProtectedToken), Created: false);
        }
        var valid = claim.Validated();
        if (valid.ExternalId != Key.ExternalId)
        {
            throw new ArgumentException($"Claim {Key.ExternalId} cannot take a request for {valid.ExternalId}.", nameof(claim));
        }
        var handle = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new InvitationToken(handle, secret).ToString();
        var id = ClaimKey.Id(Key.Environment, Key.ExternalId);
        // The handle is registered before the claim stores it: a crash in between leaves a handle no link carries.
        await GrainFactory.GetGrain<IClaimLinkGrain>(ClaimKey.Link(Key.Tenant, handle)).RegisterAsync(id);
        var now = clock.GetUtcNow();
        var view = new ClaimView(id, valid.ExternalId, valid.TemplateId, valid.Learner, valid.Course, valid.CompletedAt, now,
            now + options.Value.Validity) { Environment = Key.Environment };
        state.State = new ClaimState
        {
            Request = valid, View = view, Handle = handle, SecretHash = SecretHash.Of(secret), ProtectedToken = Protector.Protect(token),
            PortalUrl = portalUrl, Version = state.State.Version + 1,
        };
        await state.WriteStateAsync();
        await ProjectAsync();
        return new ClaimCreated(view, token, Created: true);
    }

    public Task<ClaimView?> GetAsync() => Task.FromResult(state.State.View);

    public Task<ClaimView> OpenAsync(string secret) => Task.FromResult(Check(secret));

    public Task<ClaimView> ClaimAsync(string secret, string orcid) => BindAndSubmitAsync(Check(secret), orcid, throughLink: true);

    // No link is used, so its expiry does not matter: the consent the learner gave at sign-up is what counts.
    public Task<ClaimView> ClaimWithConsentAsync(string orcid) =>
        BindAndSubmitAsync(state.State.View ?? throw new ClaimRefusedException(ClaimRefusal.NotValid), orcid, throughLink: false);

    private async Task<ClaimView> BindAndSubmitAsync(ClaimView claim, string orcid, bool throughLink)
    {
        if (claim.ClaimedBy is { } claimedBy && claimedBy != orcid)
        {
            throw new ClaimRefusedException(ClaimRefusal.UsedByAnother);
        }
        if (throughLink && claim.ExpiredAt(clock.GetUtcNow()))
        {
            throw new ClaimRefusedException(ClaimRefusal.Expired);
        }
        if (claim.ClaimedBy is null)
        {
            // Bound first, so a forwarded link can never hand the qualification to a second person.
            claim = claim with { ClaimedBy = orcid, ClaimedAt = clock.GetUtcNow() };
            state.State = state.State with { View = claim, Version = state.State.Version + 1 };
            await state.WriteStateAsync();
            await ProjectAsync();
        }
        // Submitted on every claim by its owner: the issuance is idempotent by external id, so a repeat (or a retry after a
        // failed submit) writes nothing twice.
        await GrainFactory.GetGrain<ITenantIssuingGrain>(IssuingKey.For(Key.Tenant, Key.Environment))
            .SubmitAsync([state.State.Request!.IssuanceFor(orcid)], state.State.PortalUrl);
        return claim;
    }

    public async Task ProjectAsync()
    {
        if (state.State.View is { } view)
        {
            await projection.SaveAsync(Key.Tenant, view, state.State.Version);
        }
    }

    private ClaimView Check(string secret) =>
        state.State.View is { } view && SecretHash.Matches(state.State.SecretHash, secret ?? "")
            ? view
            : throw new ClaimRefusedException(ClaimRefusal.NotValid);
}
