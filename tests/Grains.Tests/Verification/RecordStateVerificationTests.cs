using Consortium.Orcid;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;

namespace Consortium.Grains.Tests.Verification;

/// <summary>Verification of records ORCID has locked, deactivated or deprecated, arranged with the simulator's state control.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class RecordStateVerificationTests(SqliteClusterFixture fixture) : IAsyncLifetime
{
    private const string Radiation = "Radiation Safety";
    private static readonly TrustRuleInput OwnRadiation = new(null, Radiation, null, new TrustInput(true, [], false, false), null, null, null, null, null);
    private IssuingScenario _tenant = null!;

    public async Task InitializeAsync() => _tenant = await IssuingScenario.CreateAsync(fixture.Cluster);

    public Task DisposeAsync()
    {
        _tenant.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADeprecatedRecordIsFollowedToItsPrimaryAndTheDecisionSaysSo(bool connected)
    {
        var deprecated = await _tenant.NewResearcherAsync();
        var primary = await _tenant.NewResearcherAsync("Ada", "Primary");
        if (connected)
        {
            await _tenant.ConnectAsync(deprecated);
        }
        await _tenant.Controls.PutQualificationAsync(primary, _tenant.ClientId, Radiation);
        await _tenant.Controls.SetRecordStateAsync(deprecated, "deprecated", primary);

        var result = await VerifyAsync(deprecated);

        Assert.Equal((Decision.Allow, primary), (result.Decision, result.Orcid));
        Assert.Contains($"{deprecated} is deprecated", result.Reason);
        Assert.Contains($"now uses {primary}", result.Reason);
    }

    [Fact]
    public async Task ALockedRecordIsUnknownNeverTheAllowReadBeforeTheLock()
    {
        var orcid = await _tenant.NewResearcherAsync();
        await _tenant.ConnectAsync(orcid);
        await _tenant.Controls.PutQualificationAsync(orcid, _tenant.ClientId, Radiation);
        var before = await VerifyAsync(orcid);

        await _tenant.Controls.SetRecordStateAsync(orcid, "locked");
        // As ORCID's webhook would on the record's change of last-modified date.
        await RecordGrain(orcid).InvalidateAsync();
        var locked = await VerifyAsync(orcid);

        Assert.Equal(Decision.Allow, before.Decision);
        Assert.Equal(Decision.Unknown, locked.Decision);
        Assert.Empty(locked.Evidence);
        Assert.Contains("is locked by ORCID", locked.Reason);
    }

    [Fact]
    public async Task ADeactivatedRecordIsUnknownWithTheReason()
    {
        var orcid = await _tenant.NewResearcherAsync();
        await _tenant.ConnectAsync(orcid);
        await _tenant.Controls.PutQualificationAsync(orcid, _tenant.ClientId, Radiation);
        Assert.Equal(Decision.Allow, (await VerifyAsync(orcid)).Decision);

        await _tenant.Controls.SetRecordStateAsync(orcid, "deactivated");
        await RecordGrain(orcid).InvalidateAsync();
        var deactivated = await VerifyAsync(orcid);

        Assert.Equal(Decision.Unknown, deactivated.Decision);
        Assert.Contains("is deactivated", deactivated.Reason);
    }

    private IOrcidRecordGrain RecordGrain(string orcid) =>
        fixture.Cluster.Client.GetGrain<IOrcidRecordGrain>(VerificationKey.Record(_tenant.Tenant, OrcidEnvironment.Sandbox, orcid));

    private Task<VerificationResult> VerifyAsync(string orcid) =>
        fixture.Cluster.Client.GetGrain<IVerifierGrain>(_tenant.Tenant).VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, orcid, "draft", OwnRadiation));
}
