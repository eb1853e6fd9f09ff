using Consortium.Orcid;
using System.Net.Http.Json;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;

namespace Consortium.Grains.Tests.Verification;

/// <summary>Trust rules against live records in the simulator: items written by this tenant, a trusted member, another member,
/// the researcher, expired and not yet started.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class VerificationTests(SqliteClusterFixture fixture) : IAsyncLifetime
{
    private const string Radiation = "Radiation Safety";
    private IssuingScenario _tenant = null!;
    private IssuingScenario _member = null!;
    private IssuingScenario _stranger = null!;
    private string _otherClient = "";
    private string _orcid = "";

    private IGrainFactory Grains => fixture.Cluster.Client;

    public async Task InitializeAsync()
    {
        _tenant = await IssuingScenario.CreateAsync(fixture.Cluster);
        _member = await IssuingScenario.CreateAsync(fixture.Cluster, _tenant.Consortium);
        _stranger = await IssuingScenario.CreateAsync(fixture.Cluster);
        _otherClient = (await _tenant.Controls.RegisterClientAsync("Other University", "http://other.test/")).ClientId;
        _orcid = await _tenant.NewResearcherAsync("Marie", "Curie");
        var year = DateTime.UtcNow.Year;
        await PutAsync(_tenant.ClientId, "Laser Safety Level 2", "2024-01-01", null);
        await PutAsync(_member.ClientId, Radiation, "2024-02-01", null);
        await PutAsync(_otherClient, Radiation, "2024-03-01", null);
        await PutAsync(null, Radiation, "2024-04-01", null);
        await PutAsync(_tenant.ClientId, Radiation, "2019-01-01", "2020-01-01");
        await PutAsync(_tenant.ClientId, Radiation, $"{year + 1}-01-01", null);
    }

    public Task DisposeAsync()
    {
        _tenant.Dispose();
        _member.Dispose();
        _stranger.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OwnQualificationsThatExpiredOrHaveNotStartedDoNotCount()
    {
        var result = await VerifyWithAsync(new TrustRuleInput(null, Radiation, null, new TrustInput(true, [], false, false), null, null, null, null, null));

        Assert.Equal(Decision.Deny, result.Decision);
        Assert.Equal(6, result.Evidence.Count);
        var own = result.Evidence.Where(e => e.SourceKind == SourceKind.OwnClient && e.Title == Radiation).ToList();
        Assert.Equal(2, own.Count);
        Assert.All(own, e => Assert.False(e.Matched));
        Assert.Contains(own, e => e.Reasons.Any(r => r.Contains("expired", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(own, e => e.Reasons.Any(r => r.Contains("start", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(RecordReadMode.PublicData, result.ReadWith);
    }

    [Fact]
    public async Task ATrustedMemberCountsByNameAndAnotherMemberDoesNot()
    {
        var trusted = await VerifyWithAsync(new TrustRuleInput(null, Radiation, null, new TrustInput(false, [$"tenant:{_member.Tenant}"], false, false), null, null, null, null, null));
        var untrusted = await VerifyWithAsync(new TrustRuleInput(null, Radiation, null, new TrustInput(false, ["APP-0000000000000000"], false, false), null, null, null, null, null));

        Assert.Equal(Decision.Allow, trusted.Decision);
        var counted = Assert.Single(trusted.Evidence, e => e.Matched);
        Assert.Equal((SourceKind.TrustedMember, _member.ClientId), (counted.SourceKind, counted.SourceClientId));
        Assert.Equal(SourceKind.OtherMember, trusted.Evidence.Single(e => e.SourceClientId == _otherClient).SourceKind);
        Assert.Equal(Decision.Deny, untrusted.Decision);
    }

    [Fact]
    public async Task ATenantOfAnotherConsortiumOrOfNoneCannotBeTrustedByName()
    {
        var rules = Grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(_tenant.Tenant));

        foreach (var slug in new[] { _stranger.Tenant, UniqueSlug.New() })
        {
            var input = new TrustRuleInput(null, Radiation, null, new TrustInput(false, [$"tenant:{_member.Tenant}", $"tenant:{slug}"], false, false), null, null, null, null, null);
            var saving = await Assert.ThrowsAsync<InvalidFieldException>(() => rules.SaveAsync("strangers", input));
            var testing = await Assert.ThrowsAsync<InvalidFieldException>(() => VerifyWithAsync(input));

            Assert.Equal(("trust.trustedClients", "trust.trustedClients"), (saving.Field, testing.Field));
            Assert.Contains($"'tenant:{slug}'", saving.Message);
        }
        Assert.Empty(await rules.ListAsync());
    }

    [Fact]
    public async Task AnyMemberAndSelfAssertedAreEachTrustedOnlyWhenTheRuleSaysSo()
    {
        var anyMember = await VerifyWithAsync(new TrustRuleInput(null, Radiation, null, new TrustInput(false, [], true, false), null, null, null, null, null));
        var selfAsserted = await VerifyWithAsync(new TrustRuleInput(null, Radiation, null, new TrustInput(false, [], false, true), null, null, null, null, null));

        Assert.Equal(Decision.Allow, anyMember.Decision);
        Assert.DoesNotContain(anyMember.Evidence, e => e.Matched && e.SourceKind == SourceKind.SelfAsserted);
        Assert.Equal(Decision.Allow, selfAsserted.Decision);
        Assert.Equal(SourceKind.SelfAsserted, Assert.Single(selfAsserted.Evidence, e => e.Matched).SourceKind);
    }

    [Fact]
    public async Task ASavedRuleIsVersionedAndTheDecisionNamesTheVersionAndIsCachedUntilInvalidated()
    {
        var rules = Grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(_tenant.Tenant));
        var first = await rules.SaveAsync("laser", new TrustRuleInput(null, "Laser Safety Level 2", null, new TrustInput(true, [], false, false), null, null, null, null, null));
        var unchanged = await rules.SaveAsync("laser", new TrustRuleInput(null, "Laser Safety Level 2", null, new TrustInput(true, [], false, false), null, null, null, null, null));
        var second = await rules.SaveAsync("laser", new TrustRuleInput("Laser, level 2 or 3", null, new TitleMatchInput("one-of", ["Laser Safety Level 2", "Laser Safety Level 3"]),
            new TrustInput(true, [], false, false), null, null, null, null, null));

        var verifier = Grains.GetGrain<IVerifierGrain>(_tenant.Tenant);
        var cold = await verifier.VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, _orcid, "laser"));
        var warm = await verifier.VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, _orcid, "laser"));
        await Grains.GetGrain<IOrcidRecordGrain>(VerificationKey.Record(_tenant.Tenant, OrcidEnvironment.Sandbox, _orcid)).InvalidateAsync();
        var afterInvalidation = await verifier.VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, _orcid, "laser"));

        Assert.Equal((1, 1, 2), (first.Version, unchanged.Version, second.Version));
        Assert.Equal([1, 2], (await rules.VersionsAsync("laser")).Select(v => v.Version));
        Assert.Equal((Decision.Allow, 2), (cold.Decision, cold.Rule.Version));
        Assert.Equal((false, true, false), (cold.Cached, warm.Cached, afterInvalidation.Cached));
        Assert.Equal(cold.RecordReadAt, warm.RecordReadAt);
    }

    [Fact]
    public async Task AConnectedResearchersRecordIsReadWithTheirConsent()
    {
        var orcid = await _tenant.NewResearcherAsync();
        await _tenant.ConnectAsync(orcid);

        var result = await VerifyWithAsync(new TrustRuleInput(null, "Anything", null, new TrustInput(true, [], false, false), null, null, null, null, null), orcid);

        Assert.Equal((Decision.Deny, RecordReadMode.ResearcherConsent), (result.Decision, result.ReadWith));
    }

    [Fact]
    public async Task ALimitedQualificationOfThisTenantAllowsThroughTheResearchersReadLimitedConsentAtOnce()
    {
        var orcid = await LimitedRecordWithOwnRadiationSafetyAsync();
        var before = await VerifyWithAsync(OwnRadiationSafety, orcid);
        await _tenant.ConnectAsync(orcid);

        var result = await VerifyWithAsync(OwnRadiationSafety, orcid);

        // The public copy read before the consent is not kept.
        Assert.Equal((Decision.Deny, RecordReadMode.PublicData), (before.Decision, before.ReadWith));
        Assert.Equal((Decision.Allow, RecordReadMode.ResearcherConsent, false), (result.Decision, result.ReadWith, result.Cached));
        Assert.Equal(SourceKind.OwnClient, Assert.Single(result.Evidence, e => e.Matched).SourceKind);
        Assert.Equal("Read with the researcher's consent (limited items included).", result.ReadNote);
    }

    [Fact]
    public async Task WithoutConsentALimitedQualificationIsNotSeenAndTheDecisionSaysItemsMayBeHidden()
    {
        var orcid = await LimitedRecordWithOwnRadiationSafetyAsync();

        var result = await VerifyWithAsync(OwnRadiationSafety, orcid);

        Assert.Equal((Decision.Deny, RecordReadMode.PublicData), (result.Decision, result.ReadWith));
        Assert.Empty(result.Evidence);
        Assert.StartsWith("Public record only: items the researcher keeps limited or private are not visible", result.ReadNote);
    }

    [Fact]
    public async Task AConsentWithoutReadLimitedIsNotTakenForOneAndTheRecordIsReadAsPublicData()
    {
        var orcid = await LimitedRecordWithOwnRadiationSafetyAsync();
        await _tenant.ConnectAsync(orcid, scope: "openid /activities/update");

        var result = await VerifyWithAsync(OwnRadiationSafety, orcid);

        Assert.Equal((Decision.Deny, RecordReadMode.PublicData), (result.Decision, result.ReadWith));
    }

    [Fact]
    public async Task AnOrcidOutageWithoutAFreshCopyAnswersUnknownNeverAllow()
    {
        var orcid = await _tenant.NewResearcherAsync();
        await PutAsync(_tenant.ClientId, Radiation, "2024-01-01", null, orcid);
        (await _tenant.Simulator.PostAsJsonAsync("/_sim/faults", new { kind = "Error500", rate = 1.0, durationSeconds = 600 })).EnsureSuccessStatusCode();
        try
        {
            var result = await VerifyWithAsync(new TrustRuleInput(null, Radiation, null, new TrustInput(true, [], false, false), null, null, null, null, null), orcid);

            Assert.Equal(Decision.Unknown, result.Decision);
            Assert.Empty(result.Evidence);
            Assert.StartsWith("Unknown: ORCID could not be reached", result.Reason);
        }
        finally
        {
            await _tenant.Simulator.DeleteAsync("/_sim/faults");
        }
    }

    [Fact]
    public async Task ConcurrentColdVerificationsOfOneRecordShareOneOrcidRead()
    {
        var orcid = await _tenant.NewResearcherAsync();
        await PutAsync(_tenant.ClientId, Radiation, "2024-01-01", null, orcid);
        // ORCID answers slowly, so every verification arrives while the first read is still under way.
        (await _tenant.Simulator.PostAsJsonAsync("/_sim/faults", new { kind = "Latency", rate = 1.0, durationSeconds = 60, latencyMilliseconds = 1500 })).EnsureSuccessStatusCode();
        VerificationResult[] results;
        try
        {
            results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => VerifyWithAsync(OwnRadiationSafety, orcid)));
        }
        finally
        {
            await _tenant.Simulator.DeleteAsync("/_sim/faults");
        }

        Assert.Equal(1, await _tenant.Controls.RecordReadsAsync(orcid));
        Assert.All(results, r => Assert.Equal(Decision.Allow, r.Decision));
        // All answered from the one read: those that came while it was under way share it, later ones find its copy.
        Assert.Single(results.Select(r => r.RecordReadAt).Distinct());
    }

    [Fact]
    public async Task RulesAndDecisionsBelongToTheirTenant()
    {
        await Grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(_tenant.Tenant))
            .SaveAsync("private-rule", new TrustRuleInput(null, Radiation, null, new TrustInput(true, [], false, false), null, null, null, null, null));

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Grains.GetGrain<IVerifierGrain>(_member.Tenant).VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, _orcid, "private-rule")));
        Assert.Empty(await Grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(_member.Tenant)).ListAsync());
    }

    private static readonly TrustRuleInput OwnRadiationSafety = new(null, Radiation, null, new TrustInput(true, [], false, false), null, null, null, null, null);

    /// <summary>A researcher whose record keeps new activities limited, with this tenant's Radiation Safety on it.</summary>
    private async Task<string> LimitedRecordWithOwnRadiationSafetyAsync()
    {
        var orcid = (await _tenant.Controls.CreateResearcherAsync("Lise", "Meitner", $"{Guid.NewGuid():N}@example.org", defaultVisibility: "limited")).Orcid;
        await PutAsync(_tenant.ClientId, Radiation, "2024-01-01", null, orcid);
        return orcid;
    }

    private Task<VerificationResult> VerifyWithAsync(TrustRuleInput draft, string? orcid = null) =>
        Grains.GetGrain<IVerifierGrain>(_tenant.Tenant).VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, orcid ?? _orcid, "draft", draft));

    /// <summary>Puts an item on the record: written by a client, or by the researcher when <paramref name="clientId"/> is null.</summary>
    private Task PutAsync(string? clientId, string title, string start, string? end, string? orcid = null) =>
        _tenant.Controls.PutQualificationAsync(orcid ?? _orcid, clientId, title, start, end);
}
