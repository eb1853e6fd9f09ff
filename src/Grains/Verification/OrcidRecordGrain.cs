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
/// The read is cached, and with it the verdict of each saved rule version (and context) evaluated against it, which ends
/// with the copy: a new read, a webhook, a consent change. A new rule version is a new key, so an edit ends its verdicts at once. A stale copy is never used, so an outage
/// answers "unknown" rather than an old "allow". Verifications interleave: a warm one never waits behind a read from ORCID,
/// and cold ones for the same record share one read.
/// </summary>
public sealed class OrcidRecordGrain(
    Consortium.Orcid.OrcidClients orcid,
    IOptions<VerificationOptions> options,
    TimeProvider clock,
    ILogger<OrcidRecordGrain> logger) : Grain, IOrcidRecordGrain
{
    private sealed record RecordCopy(IReadOnlyList<Qualification> Qualifications, RecordReadMode ReadWith, DateTimeOffset ReadAt, TimeSpan ReadTook);

    /// <summary>More rule versions and contexts than one record meets in practice; past it the kept verdicts start afresh.</summary>
    private const int MaxKeptVerdicts = 64;

    private RecordCopy? _copy;
    // Verdicts of saved rules against _copy, by rule, version and context: they end with the copy.
    private readonly Dictionary<string, Verdict> _verdicts = new(StringComparer.Ordinal);
    // Counts invalidations, so a read that one overtook is not kept as the record's copy.
    private long _generation;
    // The read from ORCID under way, which every verification arriving meanwhile shares.
    private Task<RecordCopy>? _reading;
    // The address registered (pinned by IWebhookCallbackGrain, so ORCID keeps one hook for the record) and when.
    private (Uri Callback, DateTimeOffset At)? _webhook;

    private (string Tenant, OrcidEnvironment Environment, string Orcid) Key => VerificationKey.ParseRecord(this.GetPrimaryKeyString());

    private OrcidEnvironment Environment => Key.Environment;

    public async Task<RecordVerdict> EvaluateAsync(TrustRule rule, EvaluationContext context, Uri? webhookCallback, bool decisionMayBeKept = false)
    {
        if (_copy is { } copy && clock.GetUtcNow() - copy.ReadAt < options.Value.CacheFor)
        {
            if (!decisionMayBeKept)
            {
                return Verdict(rule, context, copy, cached: true);
            }
            var key = $"{rule.Id}|{rule.Version}|{context.Fingerprint()}";
            if (_verdicts.TryGetValue(key, out var kept))
            {
                return new RecordVerdict(kept, Cached: true, copy.ReadWith, copy.ReadAt, DecisionCached: true);
            }
            var verdict = Verdict(rule, context, copy, cached: true);
            if (_verdicts.Count >= MaxKeptVerdicts)
            {
                _verdicts.Clear();
            }
            _verdicts[key] = verdict.Verdict;
            return verdict;
        }
        // Single flight: verifications that arrive while the record is being read wait for that read instead of asking ORCID again.
        var reading = _reading ??= ReadAndKeepAsync(webhookCallback);
        try
        {
            var read = await reading;
            return Verdict(rule, context, read, cached: false) with { OrcidRead = read.ReadTook };
        }
        finally
        {
            if (_reading == reading)
            {
                _reading = null;
            }
        }
    }

    public Task InvalidateAsync()
    {
        _copy = null;
        _verdicts.Clear();
        _generation++;
        // A read already under way may predate the change: later verifications start their own.
        _reading = null;
        return Task.CompletedTask;
    }

    private static RecordVerdict Verdict(TrustRule rule, EvaluationContext context, RecordCopy read, bool cached) =>
        new(TrustEvaluator.Evaluate(rule, context, read.Qualifications), cached, read.ReadWith, read.ReadAt);

    private async Task<RecordCopy> ReadAndKeepAsync(Uri? webhookCallback)
    {
        var generation = _generation;
        var started = clock.GetTimestamp();
        var read = await ReadAsync() with { ReadTook = clock.GetElapsedTime(started) };
        if (generation == _generation)
        {
            _copy = read;
            _verdicts.Clear();
        }
        await RegisterWebhookAsync(webhookCallback);
        return read;
    }

    private async Task<RecordCopy> ReadAsync()
    {
        var record = OrcidId.Parse(Key.Orcid);
        try
        {
            var researcher = GrainFactory.GetGrain<IResearcherGrain>(ResearcherKey.For(Key.Tenant, Key.Environment, Key.Orcid));
            // Only /read-limited shows the items the researcher shares with trusted parties. ORCID answers the member API's list
            // to any token for the record, silently leaving out what it may not see: with /activities/update alone that is every
            // limited item of other sources (orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrcidSecurityManagerImpl.java
            // checkAndFilter; orcid-model ScopePathType.java), so such a read would be a public read mislabelled as consented.
            if (await researcher.GetAsync() is { IsConnected: true } view && view.Scopes.Contains(OrcidScopes.ReadLimited) &&
                await researcher.GetAccessAsync() is { } consent)
            {
                try
                {
                    var summary = await orcid.Member(Environment).GetQualificationsAsync(consent.ToOrcidAccess(), record);
                    return new RecordCopy([.. summary.Qualifications], RecordReadMode.ResearcherConsent, clock.GetUtcNow(), TimeSpan.Zero);
                }
                catch (OrcidApiException refused) when (refused.Kind == OrcidErrorKind.InvalidToken)
                {
                    await researcher.TokenRejectedAsync(consent.AccessToken);
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
            return new RecordCopy(publicItems, RecordReadMode.PublicData, clock.GetUtcNow(), TimeSpan.Zero);
        }
        catch (OrcidApiException refused) when (OrcidRecordStateException.From(refused, Key.Orcid) is { } state)
        {
            throw state;
        }
        catch (OrcidApiException missing) when (missing.Kind == OrcidErrorKind.NotFound)
        {
            throw new InvalidFieldException("orcid", $"ORCID {Key.Environment.Name()} has no record {Key.Orcid}.");
        }
        catch (Exception unreachable) when (OrcidFailures.Unreachable(unreachable))
        {
            throw new OrcidUnreachableException(Key.Environment, unreachable.Message);
        }
    }

    /// <summary>Best effort: without a webhook the cache still ends after its time. Registered again after
    /// <see cref="VerificationOptions.WebhookRecheck"/>, since ORCID has no call to list hooks and answers a repeat with
    /// 201 when it had lost the hook, 204 when it still has it. The outcome goes to the tenant's <see cref="IWebhookStatusGrain"/>.</summary>
    private async Task RegisterWebhookAsync(Uri? callback)
    {
        var now = clock.GetUtcNow();
        if (callback is null || _webhook is { } registered && now - registered.At < options.Value.WebhookRecheck)
        {
            return;
        }
        callback = _webhook?.Callback ?? await GrainFactory.GetGrain<IWebhookCallbackGrain>(this.GetPrimaryKeyString()).PinAsync(callback);
        var status = GrainFactory.GetGrain<IWebhookStatusGrain>(OrcidClientKey.For(Key.Tenant, Key.Environment));
        try
        {
            if (await Client.GetClientTokenAsync(OrcidScopes.Webhook) is not { } token)
            {
                return;
            }
            var created = await orcid.Member(Environment).RegisterWebhookAsync(token.ToOrcidAccess(), OrcidId.Parse(Key.Orcid), callback);
            if (created && _webhook is not null)
            {
                logger.LogInformation("ORCID {Environment} had lost the webhook of a record of {Tenant}; registered again", Key.Environment.Name(), Key.Tenant);
            }
            _webhook = (callback, now);
            await status.RegisteredAsync();
        }
        catch (Exception failed) when (failed is OrcidUnreachableException || OrcidFailures.Unreachable(failed))
        {
            logger.LogWarning("Could not register ORCID's webhook for a record of {Tenant} in {Environment}: {Reason}", Key.Tenant, Key.Environment.Name(), failed.Message);
            await status.FailedAsync(failed is OrcidApiException or OrcidUnreachableException ? failed.Message : $"ORCID did not answer ({failed.GetType().Name})");
        }
    }

    private IOrcidClientGrain Client => GrainFactory.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(Key.Tenant, Key.Environment));
}
