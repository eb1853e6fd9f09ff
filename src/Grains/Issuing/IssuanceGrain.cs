using Consortium.Grains.Badges;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.Orcid.Errors;
using Consortium.Orcid.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Grains.Issuing;

/// <summary>
/// Holds what should be on the researcher's record and converges ORCID to it, one step per <see cref="ProcessAsync"/>.
/// Every write is safe to repeat: the qualification carries a stable <c>self</c> external id, so a create that
/// landed before a crash comes back as ORCID's 409/9021 with the existing put-code instead of a second item.
/// </summary>
public sealed class IssuanceGrain(
    [PersistentState("issuance", GrainStorage.Name)] IPersistentState<IssuanceState> state,
    Consortium.Orcid.OrcidClients orcid,
    IIssuingProjection projection,
    IOptions<IssuingOptions> options,
    TimeProvider clock,
    ILogger<IssuanceGrain> logger) : Grain, IIssuanceGrain
{
    private (string Tenant, OrcidEnvironment Environment, string ExternalId) Key => IssuingKey.ParseIssuance(this.GetPrimaryKeyString());

    private IssuanceView View => state.State.View!;

    /// <summary>What the current processing step did at ORCID, reported with its outcome.</summary>
    private OrcidAction _did;

    /// <summary>Whether this activation wrote the stored version to the projection: a crash between the state write and the
    /// projection write leaves the row behind until the next call here writes it.</summary>
    private bool _projected;

    public async Task<IssuanceCreated> SubmitAsync(NewIssuance request, string portalUrl)
    {
        var (tenant, environment, externalId) = Key;
        if (request.ExternalId != externalId)
        {
            throw new ArgumentException($"Issuance {externalId} cannot take a request for {request.ExternalId}.", nameof(request));
        }
        if (state.State.Request == request)
        {
            await EnsureProjectedAsync();
            return new IssuanceCreated(View, Changed: false, InvitationToken: null);
        }
        var now = clock.GetUtcNow();
        if (state.State.Request is { } earlier)
        {
            var researcher = View.Orcid ?? earlier.Orcid;
            if (View.PutCode is not null && request.Orcid is not null && request.Orcid != researcher)
            {
                throw new InvalidFieldException("orcid",
                    $"'{externalId}' was already issued to {researcher}. Use a new external id to issue it to someone else.");
            }
            // An iD learnt from the invitation stays: the same row uploaded again must not send it back to awaiting consent.
            request = request with { Orcid = request.Orcid ?? View.Orcid };
            var certificate = View.CertificateId ?? await NewCertificateAsync();
            state.State = state.State with { Request = request, CertificateUrl = Certificates.Url(portalUrl, tenant, certificate) };
            await SetAsync(View with
            {
                TemplateId = request.TemplateId, Orcid = request.Orcid, Email = request.Email, CertificateId = certificate,
                Status = View.Status is IssuanceStatus.Failed ? IssuanceStatus.Queued : View.Status, Attempts = 0,
            });
            return new IssuanceCreated(View, Changed: true, InvitationToken: null);
        }

        string? invitationToken = null;
        string? invitationId = null;
        if (request.Orcid is null)
        {
            invitationId = ConsentInvitationGrain.NewId();
            invitationToken = await GrainFactory.GetGrain<IConsentInvitationGrain>(ConsentInvitationGrain.KeyFor(invitationId)).CreateAsync(
                new ConsentInvitation(invitationId, tenant, IssuingKey.IssuanceId(environment, externalId),
                    request.Email!, request.GivenNames, request.FamilyNames, now + options.Value.InvitationValidity, request.TemplateId) { Environment = environment });
        }
        var certificateId = await NewCertificateAsync();
        state.State = new IssuanceState
        {
            Request = request, CertificateUrl = Certificates.Url(portalUrl, tenant, certificateId), InvitationId = invitationId, Version = state.State.Version,
        };
        await SetAsync(new IssuanceView(
            IssuingKey.IssuanceId(environment, externalId), externalId, request.TemplateId, request.Orcid, request.Email,
            request.Orcid is null ? IssuanceStatus.AwaitingConsent : IssuanceStatus.Queued,
            PutCode: null, Error: null, CreatedAt: now, UpdatedAt: now, Title: null, StartDate: null, EndDate: null,
            ResearcherName: JoinNames(request), Attempts: 0, CertificateId: certificateId) { Environment = environment });
        return new IssuanceCreated(View, Changed: true, invitationToken);
    }

    /// <summary>Registers a new certificate id for this issuance, before the issuance stores it: a crash in between leaves
    /// only an id nothing links to (the certificate page checks the issuance holds it).</summary>
    private async Task<string> NewCertificateAsync()
    {
        var certificateId = Certificates.NewId();
        await GrainFactory.GetGrain<ICertificateGrain>(IssuingKey.Certificate(Key.Tenant, certificateId))
            .RegisterAsync(IssuingKey.IssuanceId(Key.Environment, Key.ExternalId));
        return certificateId;
    }

    public Task<IssuanceView?> GetAsync() => Task.FromResult(state.State.View);

    public Task<IssuanceView?> AssignResearcherAsync(string researcher) => ChangeAsync(view =>
    {
        state.State = state.State with { Request = state.State.Request! with { Orcid = researcher } };
        return view with { Orcid = researcher, Status = view.Status is IssuanceStatus.AwaitingConsent or IssuanceStatus.Denied ? IssuanceStatus.Queued : view.Status };
    });

    public Task<IssuanceView?> DeclineAsync() => ChangeAsync(view =>
        view.Orcid is null ? view with { Status = IssuanceStatus.Denied, Error = "The researcher denied permission on ORCID's page." } : view);

    public async Task<IssuanceView?> RevokeAsync()
    {
        var revoked = await ChangeAsync(view =>
        {
            state.State = state.State with { RevokeRequested = true };
            return view;
        });
        await RevokeCredentialAsync();
        return revoked;
    }

    public async Task<StatusIndex> GetStatusIndexAsync()
    {
        if (state.State.StatusIndex is not { } index)
        {
            index = await StatusList.AllocateAsync();
            state.State = state.State with { StatusIndex = index };
            await state.WriteStateAsync();
        }
        // Also repairs a withdrawal whose bit was not set (a crash between the two writes).
        await RevokeCredentialAsync();
        return index;
    }

    private async Task RevokeCredentialAsync()
    {
        if (state.State is { RevokeRequested: true, StatusIndex: { } index })
        {
            await StatusList.RevokeAsync(index);
        }
    }

    private IStatusListGrain StatusList => GrainFactory.GetGrain<IStatusListGrain>(IssuerKeys.For(Key.Tenant));

    public Task<IssuanceView?> RetryAsync() => ChangeAsync(view =>
    {
        if (view.Status == IssuanceStatus.DeletedInOrcid)
        {
            // The researcher deleted it; writing again is the organisation's explicit choice.
            state.State = state.State with { WrittenFingerprint = null };
            return view with { PutCode = null, Status = IssuanceStatus.Queued, Attempts = 0, Error = null };
        }
        return view.Status == IssuanceStatus.Failed ? view with { Status = IssuanceStatus.Queued, Attempts = 0, Error = null } : view;
    });

    public Task<IssuanceView?> RequestCheckAsync() => ChangeAsync(view =>
    {
        state.State = state.State with { CheckRequested = view.PutCode is not null };
        return view;
    });

    public Task<IssuanceView?> MoveToAsync(string from, string primary) => ChangeAsync(view =>
    {
        if (state.State.Request?.Orcid != from || state.State.RevokeRequested)
        {
            return view;
        }
        state.State = state.State with { Request = state.State.Request with { Orcid = primary }, MovedFrom = from, WrittenFingerprint = null };
        return view with
        {
            Orcid = primary, PutCode = null, Attempts = 0,
            Status = view.Status is IssuanceStatus.Denied or IssuanceStatus.Revoked or IssuanceStatus.ConsentEnded ? view.Status : IssuanceStatus.Queued,
            Error = Moved(from, primary),
        };
    });

    // What ORCID does on deprecation: ORCID-Source orcid-core/src/main/java/org/orcid/core/manager/v3/impl/ProfileEntityManagerImpl.java
    // (deprecateProfile clears the record); the old token cannot write to the primary (v3/impl/OrcidSecurityManagerImpl.java, isMyToken).
    private static string Moved(string from, string primary) =>
        $"ORCID deprecated {from} into {primary} and removed what {from} held; it is written to {primary} once the researcher connects with that iD.";

    public Task<IssuanceView?> GiveUpAsync(int attempts, string error) => ChangeAsync(view =>
        view with { Status = IssuanceStatus.Failed, Attempts = attempts, Error = $"Gave up after {attempts} attempts: {error}" });

    public async Task ProjectAsync()
    {
        if (state.State.View is { } view)
        {
            await projection.SaveAsync(Key.Tenant, view, state.State.Version);
            _projected = true;
        }
    }

    private async Task EnsureProjectedAsync()
    {
        if (!_projected)
        {
            await ProjectAsync();
        }
    }

    public async Task<IssuanceWork> ProcessAsync(IssuingContext context)
    {
        _did = OrcidAction.None;
        if (state.State.View is not { } view || state.State.Request is not { } request)
        {
            return new IssuanceWork(null, null);
        }
        if (view.Status is IssuanceStatus.Denied or IssuanceStatus.DeletedInOrcid or IssuanceStatus.Failed
            || (view.Status == IssuanceStatus.Revoked && state.State.RevokeRequested))
        {
            // The only step that stores nothing: every other one ends in SetAsync, which writes the projection anyway.
            await EnsureProjectedAsync();
            return new IssuanceWork(view, null);
        }
        if (request.Orcid is not { } researcherOrcid)
        {
            return await DoneAsync(view with { Status = IssuanceStatus.AwaitingConsent });
        }
        var researcher = GrainFactory.GetGrain<IResearcherGrain>(ResearcherKey.For(Key.Tenant, Key.Environment, researcherOrcid));
        var found = await researcher.GetWithAccessAsync();
        var consent = found?.View;
        if (consent is not null)
        {
            view = view with { ResearcherName = consent.Name ?? view.ResearcherName };
        }
        if (found?.Access is not { } access)
        {
            return await DoneAsync(WithoutConsent(view, consent));
        }
        try
        {
            return state.State.RevokeRequested
                ? await DoneAsync(await DeleteAsync(view, access, researcherOrcid))
                : await WriteAsync(view, request, access, researcherOrcid, context);
        }
        catch (OrcidApiException refused) when (refused.Kind == OrcidErrorKind.InvalidToken)
        {
            // ORCID disables a deactivated record's tokens, so the reason is only in the record's state.
            if (await OrcidRecordProbe.StateOfAsync(orcid, Key.Environment, OrcidClient, researcherOrcid) is { State: OrcidRecordState.Deactivated } deactivated)
            {
                return await RecordEndedAsync(view, researcher, deactivated);
            }
            await researcher.TokenRejectedAsync(access.AccessToken);
            return await DoneAsync(ConsentEnded(view, "ORCID no longer accepts this researcher's permission; they need to connect again."));
        }
        catch (OrcidApiException refused) when (OrcidRecordStateException.From(refused, researcherOrcid) is { } recordState)
        {
            return recordState.State == OrcidRecordState.Locked
                // Locks are ORCID's and may be lifted: tried again with backoff, up to Issuing:MaxAttempts.
                ? await RetryLaterAsync(view, $"{recordState.Message} Issuing tries again later.")
                : await RecordEndedAsync(view, researcher, recordState);
        }
        catch (OrcidApiException refused) when (refused.Kind is OrcidErrorKind.RateLimited or OrcidErrorKind.ServerError)
        {
            return await RetryLaterAsync(view, refused.Message);
        }
        catch (OrcidApiException refused) when (refused.Kind == OrcidErrorKind.UnknownDisambiguatedOrganization)
        {
            return await DoneAsync(view with { Status = IssuanceStatus.Failed, Error = OrganisationRefusal.UnknownId(context.Tenant?.RorId) });
        }
        catch (OrcidApiException refused)
        {
            return await DoneAsync(view with { Status = IssuanceStatus.Failed, Error = refused.Message });
        }
        catch (Exception unreachable) when (OrcidFailures.NoAnswer(unreachable))
        {
            return await RetryLaterAsync(view, $"ORCID could not be reached ({unreachable.Message}).");
        }
    }

    /// <summary>A deprecated record moves this issuance to the primary iD, and the ledger then moves the researcher's others and ends
    /// the old consent (in that order, so none of them reads the ended consent as a withdrawal). A deactivated record ends the consent
    /// and fails the issuance.</summary>
    private async Task<IssuanceWork> RecordEndedAsync(IssuanceView view, IResearcherGrain researcher, OrcidRecordStateException recordState)
    {
        if (recordState is { State: OrcidRecordState.Deprecated, PrimaryOrcid: { } primary } && !state.State.RevokeRequested)
        {
            var moved = await MoveToAsync(recordState.Orcid, primary);
            logger.LogInformation("Issuance {Issuance} moved from deprecated {From} to its primary iD {Primary}.", view.Id, recordState.Orcid, primary);
            return new IssuanceWork(moved, clock.GetUtcNow(), _did, MovedFrom: recordState.Orcid);
        }
        await researcher.RecordEndedAsync(recordState.State);
        return await DoneAsync(view with { Status = IssuanceStatus.Failed, Error = Ended(recordState.State, recordState.Orcid) });
    }

    private static string Ended(OrcidRecordState recordState, string orcid) =>
        $"{OrcidRecordStateException.Describe(recordState, orcid, primary: null)} The researcher's permission ended with it.";

    private IOrcidClientGrain OrcidClient => GrainFactory.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(Key.Tenant, Key.Environment));

    private async Task<IssuanceWork> WriteAsync(IssuanceView view, NewIssuance request, OrcidBearer access, string researcherOrcid, IssuingContext context)
    {
        var tenant = context.Tenant;
        if (tenant?.MissingOrganisationDetails is { } missing)
        {
            return await DoneAsync(view with { Status = IssuanceStatus.Failed, Error = $"A qualification needs {missing}: set it in Settings → Organisation, then retry." });
        }
        if (context.ClosedIn(Key.Environment, clock.GetUtcNow()) is { } closed)
        {
            return await DoneAsync(view with { Status = IssuanceStatus.Failed, Error = $"{closed} Retry it then." });
        }
        if (context.Templates.GetValueOrDefault(request.TemplateId) is not { } template)
        {
            return await DoneAsync(view with { Status = IssuanceStatus.Failed, Error = $"There is no template '{request.TemplateId}'." });
        }
        var issuedOn = DateOnly.FromDateTime(view.CreatedAt.UtcDateTime);
        var start = template.StartDateFor(request.StartDate, issuedOn);
        // Stored before dates were checked at submit, or a long validity: retrying cannot make ORCID take it.
        if (!PartialDate.Accepts(start) || template.EndDateFor(start) is { } end && !PartialDate.Accepts(end))
        {
            return await DoneAsync(view with
            {
                Status = IssuanceStatus.Failed,
                Error = $"The start date {start:yyyy-MM-dd}, or the end date the template's validity gives, is out of range: {PartialDate.AcceptedYears}.",
            });
        }
        var qualification = QualificationFactory.Build(tenant!, template, request, issuedOn, state.State.CertificateUrl!);
        var fingerprint = QualificationFactory.Fingerprint(qualification);
        view = view with { Title = template.Title, StartDate = start, EndDate = template.EndDateFor(start) };

        var api = orcid.Member(Key.Environment);
        var record = OrcidId.Parse(researcherOrcid);
        if (view.PutCode is { } putCode && state.State.CheckRequested)
        {
            state.State = state.State with { CheckRequested = false };
            try
            {
                await api.GetQualificationAsync(access.ToOrcidAccess(), record, putCode);
                _did = OrcidAction.ReadBack;
            }
            catch (OrcidApiException gone) when (gone.Kind == OrcidErrorKind.NotFound)
            {
                return await DoneAsync(view with { Status = IssuanceStatus.DeletedInOrcid, Error = "The researcher deleted it from their ORCID record." });
            }
        }
        if (view.PutCode is null)
        {
            var created = await api.CreateQualificationAsync(access.ToOrcidAccess(), record, qualification);
            _did = created.AlreadyExisted ? OrcidAction.Recovered : OrcidAction.Created;
            if (created.AlreadyExisted)
            {
                logger.LogInformation("Issuance {Issuance} was already on the record as put-code {PutCode}; recorded instead of writing again.", view.Id, created.PutCode);
            }
            view = view with { PutCode = created.PutCode };
            if (Key.Environment == OrcidEnvironment.Production)
            {
                // Also when it was found on the record already: a write whose answer was lost is still a write, and counts once.
                await GrainFactory.GetMemberUsage(Key.Tenant).IssuanceWrittenAsync(Key.ExternalId);
            }
            // A recovered item may differ from what is wanted now; leave the fingerprint empty so the next step updates it.
            state.State = state.State with { WrittenFingerprint = created.AlreadyExisted ? null : fingerprint };
            return created.AlreadyExisted
                ? await RetryLaterAsync(view with { Status = IssuanceStatus.InOrcid }, error: null, immediately: true)
                : await DoneAsync(view with { Status = IssuanceStatus.InOrcid });
        }
        if (state.State.WrittenFingerprint != fingerprint)
        {
            try
            {
                await api.UpdateQualificationAsync(access.ToOrcidAccess(), record, qualification with { PutCode = view.PutCode });
                _did = OrcidAction.Updated;
            }
            catch (OrcidApiException gone) when (gone.Kind == OrcidErrorKind.NotFound)
            {
                return await DoneAsync(view with { Status = IssuanceStatus.DeletedInOrcid, Error = "The researcher deleted it from their ORCID record." });
            }
            state.State = state.State with { WrittenFingerprint = fingerprint };
        }
        return await DoneAsync(view with { Status = IssuanceStatus.InOrcid });
    }

    private async Task<IssuanceView> DeleteAsync(IssuanceView view, OrcidBearer access, string researcherOrcid)
    {
        if (view.PutCode is { } putCode)
        {
            try
            {
                await orcid.Member(Key.Environment).DeleteQualificationAsync(access.ToOrcidAccess(), OrcidId.Parse(researcherOrcid), putCode);
                _did = OrcidAction.Deleted;
            }
            catch (OrcidApiException gone) when (gone.Kind == OrcidErrorKind.NotFound)
            {
                // Already gone: the researcher deleted it first. Withdrawn either way.
            }
        }
        return view with { Status = IssuanceStatus.Revoked, Error = "Withdrawn by the organisation." };
    }

    private IssuanceView WithoutConsent(IssuanceView view, ResearcherView? consent)
    {
        if (state.State.RevokeRequested)
        {
            return view with
            {
                Status = IssuanceStatus.Revoked,
                Error = view.PutCode is null ? "Withdrawn by the organisation." : "Withdrawn here; without the researcher's permission it stays on their record until they delete it.",
            };
        }
        return consent?.Status switch
        {
            null => view with
            {
                Status = IssuanceStatus.AwaitingConsent,
                Error = state.State.MovedFrom is { } from ? Moved(from, state.State.Request!.Orcid!) : null,
            },
            ConsentStatus.RecordDeactivated => view with { Status = IssuanceStatus.Failed, Error = Ended(OrcidRecordState.Deactivated, consent.Orcid) },
            ConsentStatus.RecordDeprecated => view with { Status = IssuanceStatus.Failed, Error = Ended(OrcidRecordState.Deprecated, consent.Orcid) },
            _ => ConsentEnded(view, consent.Status == ConsentStatus.Disconnected
                ? "The researcher disconnected, withdrawing permission."
                : "ORCID no longer accepts this researcher's permission; they need to connect again."),
        };
    }

    /// <summary>Not the organisation's withdrawal: an item already written stays on the record, and the status says so.</summary>
    private static IssuanceView ConsentEnded(IssuanceView view, string why) => view with
    {
        Status = IssuanceStatus.ConsentEnded,
        Error = view.PutCode is null ? why : $"{why} What was written stays on their record; only they can delete it there.",
    };

    private async Task<IssuanceWork> RetryLaterAsync(IssuanceView view, string? error, bool immediately = false)
    {
        var attempts = immediately ? view.Attempts : view.Attempts + 1;
        if (attempts >= options.Value.MaxAttempts)
        {
            return await DoneAsync(view with { Status = IssuanceStatus.Failed, Attempts = attempts, Error = $"Gave up after {attempts} attempts: {error}" });
        }
        var retryAt = clock.GetUtcNow() + (immediately ? TimeSpan.Zero : options.Value.RetryDelay(attempts));
        await SetAsync(view with { Attempts = attempts, Error = error ?? view.Error });
        return new IssuanceWork(View, retryAt, _did);
    }

    private async Task<IssuanceWork> DoneAsync(IssuanceView view)
    {
        // A move to a primary iD stays explained while the issuance waits for that iD's consent.
        var explained = view.Status == IssuanceStatus.AwaitingConsent && state.State.MovedFrom is not null;
        await SetAsync(view.Status is IssuanceStatus.InOrcid or IssuanceStatus.AwaitingConsent or IssuanceStatus.Queued
            ? view with { Attempts = 0, Error = explained ? view.Error : null }
            : view);
        return new IssuanceWork(View, null, _did);
    }

    private async Task<IssuanceView?> ChangeAsync(Func<IssuanceView, IssuanceView> change)
    {
        if (state.State.View is not { } view)
        {
            return null;
        }
        await SetAsync(change(view));
        return View;
    }

    private async Task SetAsync(IssuanceView view)
    {
        state.State = state.State with { View = view with { UpdatedAt = clock.GetUtcNow() }, Version = state.State.Version + 1 };
        _projected = false;
        await state.WriteStateAsync();
        await ProjectAsync();
    }

    private static string? JoinNames(NewIssuance request) =>
        string.Join(' ', new[] { request.GivenNames, request.FamilyNames }.Where(n => n is not null)) is { Length: > 0 } name ? name : null;
}
