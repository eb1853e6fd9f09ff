using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;
using Consortium.Orcid;

namespace Consortium.Grains.Tests.Verification;

/// <summary>A decision answered from cache while the record's copy and the rule's version stand; a rule edit or ORCID's
/// webhook for the record ends it at once.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class DecisionCacheTests(SqliteClusterFixture fixture) : IAsyncLifetime
{
    private const string Rule = "laser";
    private IssuingScenario _tenant = null!;
    private string _orcid = "";

    private IGrainFactory Grains => fixture.Cluster.Client;

    private IVerifierGrain Verifier => Grains.GetGrain<IVerifierGrain>(_tenant.Tenant);

    public async Task InitializeAsync()
    {
        _tenant = await IssuingScenario.CreateAsync(fixture.Cluster);
        _orcid = await _tenant.NewResearcherAsync("Lise", "Meitner");
        await _tenant.Controls.PutQualificationAsync(_orcid, _tenant.ClientId, "Laser Safety Level 2", "2024-01-01");
        await SaveAsync("Laser Safety Level 2");
    }

    public Task DisposeAsync()
    {
        _tenant.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ADecisionIsCachedUntilTheRuleIsEditedAndTheEditHoldsForTheNextDecision()
    {
        var cold = await VerifyAsync();
        var evaluated = await VerifyAsync();
        var cached = await VerifyAsync();
        await SaveAsync("Laser Safety Level 3");
        var edited = await VerifyAsync();
        var editedAgain = await VerifyAsync();

        Assert.Equal((Decision.Allow, 1, false, false), (cold.Decision, cold.Rule.Version, cold.Cached, cold.DecisionCached));
        // The first warm decision of a version is evaluated against the copy and kept; the next is the kept one.
        Assert.Equal((Decision.Allow, true, false), (evaluated.Decision, evaluated.Cached, evaluated.DecisionCached));
        Assert.Equal((Decision.Allow, 1, true, true), (cached.Decision, cached.Rule.Version, cached.Cached, cached.DecisionCached));
        Assert.Equal((Decision.Deny, 2, true, false), (edited.Decision, edited.Rule.Version, edited.Cached, edited.DecisionCached));
        Assert.Equal((Decision.Deny, 2, true), (editedAgain.Decision, editedAgain.Rule.Version, editedAgain.DecisionCached));
    }

    [Fact]
    public async Task ADecisionIsCachedUntilOrcidsWebhookSaysTheRecordChanged()
    {
        await VerifyAsync();
        await VerifyAsync();
        var cached = await VerifyAsync();
        await _tenant.Controls.PutQualificationAsync(_orcid, _tenant.ClientId, "Laser Safety Level 2", "2025-01-01");
        var beforeWebhook = await VerifyAsync();
        // What the portal's webhook endpoint does when ORCID calls it for this record.
        await Grains.GetGrain<IOrcidRecordGrain>(VerificationKey.Record(_tenant.Tenant, OrcidEnvironment.Sandbox, _orcid)).InvalidateAsync();
        var afterWebhook = await VerifyAsync();

        Assert.True(cached.DecisionCached);
        Assert.Single(cached.Evidence);
        Assert.Equal((true, 1), (beforeWebhook.DecisionCached, beforeWebhook.Evidence.Count));
        Assert.Equal((false, false, 2), (afterWebhook.Cached, afterWebhook.DecisionCached, afterWebhook.Evidence.Count));
    }

    [Fact]
    public async Task AVerificationThatReadOrcidSaysHowLongTheReadTookAndAWarmOneSaysNone()
    {
        var cold = await VerifyAsync();
        var warm = await VerifyAsync();

        Assert.NotNull(cold.OrcidReadMs);
        Assert.InRange(cold.OrcidReadMs!.Value, 0.001, 30_000);
        Assert.Null(warm.OrcidReadMs);
    }

    [Fact]
    public async Task ADraftIsNeverAnsweredFromAKeptDecision()
    {
        await VerifyAsync();
        await VerifyAsync();
        var draft = new TrustRuleInput(null, "Laser Safety Level 3", null, new TrustInput(true, [], false, false), null, null, null, null, null);

        var tried = await Verifier.VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, _orcid, Rule, draft));

        Assert.Equal((Decision.Deny, 2, false), (tried.Decision, tried.Rule.Version, tried.DecisionCached));
    }

    private Task<VerificationResult> VerifyAsync() => Verifier.VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, _orcid, Rule));

    private Task<TrustRule> SaveAsync(string title) => Grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(_tenant.Tenant))
        .SaveAsync(Rule, new TrustRuleInput(null, title, null, new TrustInput(true, [], false, false), null, null, null, null, null));
}
