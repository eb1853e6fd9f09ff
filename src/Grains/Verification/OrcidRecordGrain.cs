using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Trust;
using Consortium.Orcid;
using Consortium.Orcid.Errors;
using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Grains.Verification;

/// <summary>
/// Reads a record with the researcher's consent token when there is one (limited items included), else as public data,
/// and keeps it in memory for <see cref="VerificationOptions.CacheFor"/>, or until ORCID's webhook says it changed.
/// Only the read is cached: every verification evaluates its rule afresh. A stale copy is never used, so an outage
/// answers "unknown" rather than an old "allow".
/// </summary>
public sealed class OrcidRecordGrain(
    Consortium.Orcid.OrcidClients orcid,
    IOptions<VerificationOptions> options,
    TimeProvider clock,
    ILogger<OrcidRecordGrain> logger) : Grain, IOrcidRecordGrain
{
    private sealed record RecordCopy(IReadOnlyList<Qualification> Qualifications, RecordReadMode ReadWith, DateTimeOffset ReadAt);

    private RecordCopy? _copy;
    private bool _webhookRegistered;

    private (string Tenant, string Environment, string Orcid) Key => VerificationKey.ParseRecord(this.GetPrimaryKeyString());

    private OrcidEnvironment Environment => OrcidEnvironmentName.ToEnvironment(Key.Environment);

    public async Task<RecordVerdict> EvaluateAsync(TrustRule rule, EvaluationContext context, Uri? webhookCallback)
    {
        var cached = _copy is { } copy && clock.GetUtcNow() - copy.ReadAt < options.Value.CacheFor;
        if (!cached)
        {
            _copy = await ReadAsync();
            await RegisterWebhookAsync(webhookCallback);
        }
        return new RecordVerdict(TrustEvaluator.Evaluate(rule, context, _copy!.Qualifications), cached, _copy.ReadWith, _copy.ReadAt);
    }

    public Task InvalidateAsync()
    {
        _copy = null;
        return Task.CompletedTask;
    }

    private async Task<RecordCopy> ReadAsync()
    {
        var record = OrcidId.Parse(Key.Orcid);
        try
        {
            var researcher = GrainFactory.GetGrain<IResearcherGrain>(ResearcherKey.For(Key.Tenant, Key.Environment, Key.Orcid));
            if (await researcher.GetAccessAsync() is { } consent)
            {
                try
                {
                    var summary = await orcid.Member(Environment).GetQualificationsAsync(consent.ToOrcidAccess(), record);
                    return new RecordCopy([.. summary.Qualifications], RecordReadMode.ResearcherConsent, clock.GetUtcNow());
                }
                catch (OrcidApiException refused) when (refused.Kind is OrcidErrorKind.InvalidToken or OrcidErrorKind.MissingScope)
                {
                    if (refused.Kind == OrcidErrorKind.InvalidToken)
                    {
                        await researcher.TokenRejectedAsync(consent.AccessToken);
                    }
                    // Fall through to public data: still an answer, labelled as such.
                }
            }
            var readPublic = await Client.GetClientTokenAsync(OrcidScopes.ReadPublic);
            var publicItems = (await orcid.Public(Environment).GetQualificationsAsync(record, readPublic?.ToOrcidAccess())).Qualifications.ToList();
            // ORCID's public qualifications do not check the record's state, and a deprecated or deactivated record reads as empty
            // (ORCID-Source orcid-pub-web/src/main/java/org/orcid/api/publicV3/server/delegator/impl/PublicV3ApiServiceDelegatorImpl.java,
            // viewQualifications; orcid-core/src/main/java/org/orcid/core/manager/v3/impl/ProfileEntityManagerImpl.java, clearRecord).
            if (publicItems.Count == 0 && await OrcidRecordProbe.StateOfAsync(orcid, Environment, Client, Key.Orcid) is { } state)
            {
                throw state;
            }
            return new RecordCopy(publicItems, RecordReadMode.PublicData, clock.GetUtcNow());
        }
        catch (OrcidApiException refused) when (OrcidRecordStateException.From(refused, Key.Orcid) is { } state)
        {
            throw state;
        }
        catch (OrcidApiException missing) when (missing.Kind == OrcidErrorKind.NotFound)
        {
            throw new InvalidFieldException("orcid", $"ORCID {Key.Environment} has no record {Key.Orcid}.");
        }
        catch (Exception unreachable) when (OrcidFailures.Unreachable(unreachable))
        {
            throw new OrcidUnreachableException(Key.Environment, unreachable.Message);
        }
    }

    /// <summary>Best effort: without a webhook the cache still ends after its time.</summary>
    private async Task RegisterWebhookAsync(Uri? callback)
    {
        if (callback is null || _webhookRegistered)
        {
            return;
        }
        try
        {
            if (await Client.GetClientTokenAsync(OrcidScopes.Webhook) is { } token)
            {
                await orcid.Member(Environment).RegisterWebhookAsync(token.ToOrcidAccess(), OrcidId.Parse(Key.Orcid), callback);
                _webhookRegistered = true;
            }
        }
        catch (Exception failed) when (failed is OrcidUnreachableException || OrcidFailures.Unreachable(failed))
        {
            logger.LogWarning("Could not register ORCID's webhook for a record of {Tenant} in {Environment}: {Reason}", Key.Tenant, Key.Environment, failed.Message);
        }
    }

    private IOrcidClientGrain Client => GrainFactory.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(Key.Tenant, Key.Environment));
}
