using Consortium.Orcid;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Verification;
using Microsoft.AspNetCore.DataProtection;

namespace Consortium.Grains.Researchers;

public sealed class ResearcherGrain(
    [PersistentState("researcher", GrainStorage.Name)] IPersistentState<ResearcherState> state,
    IDataProtectionProvider protection,
    IIssuingProjection projection,
    TimeProvider clock) : Grain, IResearcherGrain
{
    private (string Tenant, OrcidEnvironment Environment, string Orcid) Key => ResearcherKey.Parse(this.GetPrimaryKeyString());

    private IDataProtector Protector => protection.CreateProtector(ResearcherKey.ProtectionPurpose(Key.Tenant, Key.Environment));

    public async Task<ResearcherView> ConnectAsync(GrantedConsent consent)
    {
        if (consent.Orcid != Key.Orcid)
        {
            throw new ArgumentException($"A consent for {consent.Orcid} cannot be stored for {Key.Orcid}.", nameof(consent));
        }
        state.State = new ResearcherState
        {
            View = new ResearcherView(consent.Orcid, consent.Name, ConsentStatus.Connected, consent.Scopes,
                clock.GetUtcNow(), consent.ExpiresAt, EndedAt: null) { Environment = Key.Environment },
            ClientId = consent.ClientId,
            ProtectedAccessToken = Protector.Protect(consent.AccessToken),
            ProtectedRefreshToken = consent.RefreshToken is null ? null : Protector.Protect(consent.RefreshToken),
            Version = state.State.Version,
        };
        var view = await SaveAndAnnounceAsync();
        if (Key.Environment == OrcidEnvironment.Production)
        {
            await GrainFactory.GetMemberUsage(Key.Tenant).ResearcherConnectedAsync(consent.Orcid);
        }
        return view;
    }

    public Task<ResearcherView?> GetAsync() => Task.FromResult(state.State.View);

    public Task<OrcidBearer?> GetAccessAsync() => Task.FromResult(
        state.State is { View.IsConnected: true, ClientId: { } clientId, ProtectedAccessToken: { } token }
            ? new OrcidBearer(clientId, Protector.Unprotect(token))
            : null);

    public async Task<ResearcherConsent?> GetWithAccessAsync() =>
        state.State.View is { } view ? new ResearcherConsent(view, await GetAccessAsync()) : null;

    public async Task<ResearcherView?> DisconnectAsync()
    {
        if (await GetAccessAsync() is not { } access)
        {
            return state.State.View;
        }
        await GrainFactory.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(Key.Tenant, Key.Environment)).RevokeTokenAsync(access.AccessToken);
        return await EndAsync(ConsentStatus.Disconnected);
    }

    public async Task TokenRejectedAsync(string accessToken)
    {
        // Only the token in force: a rejection of an older token says nothing about a consent granted since.
        if (await GetAccessAsync() is { } access && access.AccessToken == accessToken)
        {
            await EndAsync(ConsentStatus.RejectedByOrcid);
        }
    }

    public async Task RecordEndedAsync(OrcidRecordState recordState)
    {
        var status = recordState == OrcidRecordState.Deprecated ? ConsentStatus.RecordDeprecated : ConsentStatus.RecordDeactivated;
        if (recordState != OrcidRecordState.Locked && state.State.View is { } view && view.Status != status)
        {
            await EndAsync(status);
        }
    }

    private async Task<ResearcherView> EndAsync(ConsentStatus status)
    {
        // The tokens are dropped as well: a consent that has ended has no use for them.
        state.State = new ResearcherState { View = state.State.View! with { Status = status, EndedAt = clock.GetUtcNow() }, Version = state.State.Version };
        return (await SaveAndAnnounceAsync())!;
    }

    public async Task ProjectAsync()
    {
        if (state.State.View is { } view)
        {
            await projection.SaveAsync(Key.Tenant, view, state.State.Version);
        }
    }

    private async Task<ResearcherView> SaveAndAnnounceAsync()
    {
        state.State = state.State with { Version = state.State.Version + 1 };
        await state.WriteStateAsync();
        await ProjectAsync();
        // A consent granted or ended changes what a verification may read: a copy read the other way is not kept.
        await GrainFactory.GetGrain<IOrcidRecordGrain>(VerificationKey.Record(Key.Tenant, Key.Environment, Key.Orcid)).InvalidateAsync();
        var view = state.State.View!;
        // One-way: the queue reads this researcher's issuances and calls them, which may call back here.
        await GrainFactory.GetGrain<ITenantIssuingGrain>(IssuingKey.For(Key.Tenant, Key.Environment)).ResearcherChangedAsync(view);
        return view;
    }
}
