using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Snapshots;
using Consortium.Grains.Tenants;
using Consortium.Grains.Trust;
using Consortium.Orcid;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Orleans.Concurrency;

namespace Consortium.Grains.Verification;

/// <summary>Holds no state of its own, so it is reentrant: a worker goes on with other verifications while one waits for ORCID,
/// and a batch's cold reads run side by side (a stateless worker alone takes one call at a time, with one worker a core).</summary>
[StatelessWorker, Reentrant]
/// What a decision reads of the tenant (the rule, the client ids, the templates) comes from this silo's <see cref="TenantSnapshots"/>,
/// so a warm decision makes one grain call, to the record, which interleaves it with any read or write under way.
public sealed class VerifierGrain(IDataProtectionProvider protection, TimeProvider clock, TenantSnapshots snapshots) : Grain, IVerifierGrain
{
    private string Tenant => this.GetPrimaryKeyString();

    public async Task<VerificationResult> VerifyAsync(VerificationRequest request)
    {
        var environment = request.Environment;
        var orcid = OrcidId.TryParse(request.Orcid, out var id, out var error) ? id.Value : throw new InvalidFieldException("orcid", error);
        var now = clock.GetUtcNow();
        var saved = await snapshots.RuleAsync(GrainFactory, Tenant, request.RuleId ?? "");
        // A draft is tried as the version it would become if saved.
        var rule = request.Draft is { } draft
            ? draft.Validated(request.RuleId ?? "draft", (saved?.Version ?? 0) + 1, now)
            : saved ?? throw new NotFoundException($"There is no trust rule '{request.RuleId}'.");
        if (request.Draft is not null)
        {
            await TrustedMembers.EnsureSameConsortiumAsync(GrainFactory, Tenant, rule.Trust);
        }
        VerificationResult result;
        try
        {
            result = await EvaluateAsync(rule, environment, orcid, now, request.PortalUrl, request.Draft is null);
        }
        catch (OrcidRecordStateException deprecated)
        {
            // ORCID moved the researcher to the primary iD: that record is the one to judge, and the decision says so.
            var followed = await EvaluateOnceAsync(rule, environment, deprecated.PrimaryOrcid!, now, request.PortalUrl, request.Draft is null);
            result = followed with { Reason = $"{deprecated.Message} The primary record was verified instead: {followed.Reason}" };
        }
        return request.Badge is { } badge ? await WithBadgeAsync(result, badge, now) : result;
    }

    /// <summary>A badge the rule accepts allows whatever the record said (even when ORCID could not be read); one it does not
    /// accept leaves the record's decision as it was, with the badge's reasons beside it.</summary>
    private async Task<VerificationResult> WithBadgeAsync(VerificationResult result, Badges.BadgeVerification badge, DateTimeOffset now)
    {
        var context = await ContextAsync(result.Rule, result.Environment, result.Orcid, now);
        var assessment = BadgeTrustEvaluator.Evaluate(result.Rule, context, badge,
            Badges.OpenBadgeCredentialBuilder.OrcidRecordUrl(result.Environment, result.Orcid));
        return assessment.Matched
            ? result with
            {
                Decision = Decision.Allow,
                Reason = $"Allowed by the Open Badge \"{badge.Badge!.AchievementName}\" from {badge.Badge.IssuerName ?? badge.Badge.IssuerId}.",
                Badge = assessment,
            }
            : result with { Badge = assessment };
    }

    /// <summary>The primary record of a deprecated one; deprecated in its turn, it is not followed further.</summary>
    private async Task<VerificationResult> EvaluateOnceAsync(TrustRule rule, OrcidEnvironment environment, string orcid, DateTimeOffset now, string? portalUrl, bool saved)
    {
        try
        {
            return await EvaluateAsync(rule, environment, orcid, now, portalUrl, saved);
        }
        catch (OrcidRecordStateException again)
        {
            return Unknown(rule, now, environment, orcid, again.Message);
        }
    }

    /// <exception cref="OrcidRecordStateException">The record is deprecated into a primary iD; any other state is answered unknown.</exception>
    /// <param name="saved">The rule is a saved version, whose verdict the record may keep.</param>
    private async Task<VerificationResult> EvaluateAsync(TrustRule rule, OrcidEnvironment environment, string orcid, DateTimeOffset now, string? portalUrl, bool saved)
    {
        var context = await ContextAsync(rule, environment, orcid, now);
        var record = GrainFactory.GetGrain<IOrcidRecordGrain>(VerificationKey.Record(Tenant, environment, orcid));
        try
        {
            var verdict = await record.EvaluateAsync(rule, context, WebhookCallback(portalUrl, environment, orcid), saved);
            return new VerificationResult(verdict.Verdict.Decision, verdict.Verdict.Reason, rule, verdict.Verdict.Evidence, now, verdict.Cached,
                verdict.ReadWith, verdict.ReadAt, environment, orcid, DecisionCached: verdict.DecisionCached, OrcidReadMs: verdict.OrcidRead?.TotalMilliseconds);
        }
        catch (OrcidUnreachableException unreachable)
        {
            return Unknown(rule, now, environment, orcid, $"ORCID could not be reached and no fresh copy of the record is at hand ({unreachable.Message})");
        }
        catch (OrcidRecordStateException state) when (state.PrimaryOrcid is null)
        {
            // Locked or deactivated: whatever was read before no longer stands.
            return Unknown(rule, now, environment, orcid, state.Message);
        }
    }

    private static VerificationResult Unknown(TrustRule rule, DateTimeOffset now, OrcidEnvironment environment, string orcid, string reason) =>
        new(Decision.Unknown, $"Unknown: {reason}", rule, [], now, Cached: false, ReadWith: null, RecordReadAt: null, environment, orcid);

    /// <summary>What the rule compares against: this tenant's client, the trusted members' clients in this environment, and the template titles.</summary>
    private async Task<EvaluationContext> ContextAsync(TrustRule rule, OrcidEnvironment environment, string orcid, DateTimeOffset now)
    {
        var own = await snapshots.ClientIdAsync(GrainFactory, Tenant, environment);
        var trusted = new HashSet<string>(rule.Trust.ClientIds, StringComparer.Ordinal);
        // A rule saved before members were checked may name another consortium's tenant: its client is not trusted.
        foreach (var member in await TrustedMembers.OfSameConsortiumAsync(slug => snapshots.ProfileAsync(GrainFactory, slug), Tenant, rule.Trust))
        {
            if (await snapshots.ClientIdAsync(GrainFactory, member, environment) is { } memberClient)
            {
                trusted.Add(memberClient);
            }
        }
        var templates = rule.Title?.Mode == TitleMatchMode.Template
            ? await snapshots.TemplateTitlesAsync(GrainFactory, Tenant)
            : new Dictionary<string, string>();
        return new EvaluationContext(orcid, own, trusted, templates, DateOnly.FromDateTime(now.UtcDateTime));
    }

    /// <summary>The portal's webhook address for this record; its token proves the call comes from an address only we gave ORCID.</summary>
    private Uri? WebhookCallback(string? portalUrl, OrcidEnvironment environment, string orcid)
    {
        if (portalUrl is null)
        {
            return null;
        }
        var token = protection.CreateProtector(VerificationKey.WebhookPurpose).Protect(System.Text.Encoding.UTF8.GetBytes($"{Tenant}:{environment.Name()}:{orcid}"));
        return new Uri($"{portalUrl.TrimEnd('/')}/webhooks/orcid/{WebEncoders.Base64UrlEncode(token)}");
    }
}
