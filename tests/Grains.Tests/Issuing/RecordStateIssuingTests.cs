using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Microsoft.Extensions.DependencyInjection;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Issuing;

/// <summary>Issuing to records ORCID has locked, deactivated or deprecated, arranged with the simulator's state control.</summary>
public sealed class RecordStateIssuingTests : IAsyncLifetime
{
    private const int MaxAttempts = 4;
    private SqliteTestCluster _cluster = null!;
    private IssuingScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _cluster = await SqliteTestCluster.StartAsync(silo =>
        {
            SqliteTestCluster.ResumeQuickly(silo);
            silo.Services.Configure<IssuingOptions>(options => options.MaxAttempts = MaxAttempts);
        });
        _scenario = await IssuingScenario.CreateAsync(_cluster);
    }

    public async Task DisposeAsync()
    {
        _scenario.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task ALockedRecordIsRetriedAndWrittenOnceUnlockedOrFailedWithAClearMessage()
    {
        var unlocked = await _scenario.NewResearcherAsync();
        var staysLocked = await _scenario.NewResearcherAsync("Grace", "Hopper");
        await _scenario.ConnectAsync(unlocked);
        await _scenario.ConnectAsync(staysLocked);
        await _scenario.Controls.SetRecordStateAsync(unlocked, "locked");
        await _scenario.Controls.SetRecordStateAsync(staysLocked, "locked");

        await _scenario.IssueAsync(
            new NewIssuance(IssuingScenario.TemplateId, "cert-unlocked", Orcid: unlocked),
            new NewIssuance(IssuingScenario.TemplateId, "cert-locked", Orcid: staysLocked));
        var retrying = await _scenario.WaitForAsync("sandbox.cert-unlocked", v => v.Attempts >= 1);
        await _scenario.Controls.SetRecordStateAsync(unlocked, "active");

        Assert.Contains("is locked by ORCID", retrying.Error);
        Assert.NotNull((await _scenario.WaitForAsync("sandbox.cert-unlocked", v => v.Status == IssuanceStatus.InOrcid)).PutCode);
        var failed = await _scenario.WaitForAsync("sandbox.cert-locked", v => v.Status == IssuanceStatus.Failed);
        Assert.StartsWith($"Gave up after {MaxAttempts} attempts: The ORCID record {staysLocked} is locked by ORCID", failed.Error);
        Assert.Equal(ConsentStatus.Connected, (await _scenario.Researcher(staysLocked).GetAsync())!.Status);
    }

    [Fact]
    public async Task ADeactivatedRecordEndsTheConsentAndFailsTheIssuanceWithTheReason()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);
        await _scenario.Controls.SetRecordStateAsync(orcid, "deactivated");

        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-deactivated", Orcid: orcid));
        var failed = await _scenario.WaitForAsync("sandbox.cert-deactivated", v => v.Status == IssuanceStatus.Failed);

        Assert.Contains($"The ORCID record {orcid} is deactivated", failed.Error);
        Assert.Equal(ConsentStatus.RecordDeactivated, (await _scenario.Researcher(orcid).GetAsync())!.Status);
        Assert.Null(await _scenario.Researcher(orcid).GetAccessAsync());
    }

    [Fact]
    public async Task ADeprecatedRecordMovesTheResearchersIssuancesToThePrimaryWhereTheyAreWrittenOnceConnected()
    {
        var deprecated = await _scenario.NewResearcherAsync();
        var primary = await _scenario.NewResearcherAsync("Ada", "Primary");
        await _scenario.ConnectAsync(deprecated);
        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-written", Orcid: deprecated));
        await _scenario.WaitForAsync("sandbox.cert-written", v => v.Status == IssuanceStatus.InOrcid);
        await _scenario.Controls.SetRecordStateAsync(deprecated, "deprecated", primary);

        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-new", Orcid: deprecated));
        var moved = await _scenario.WaitForAsync("sandbox.cert-new", v => v.Orcid == primary && v.Status == IssuanceStatus.AwaitingConsent);
        var movedWritten = await _scenario.WaitForAsync("sandbox.cert-written", v => v.Orcid == primary && v.Status == IssuanceStatus.AwaitingConsent);

        Assert.All(new[] { moved, movedWritten }, v => Assert.Contains($"ORCID deprecated {deprecated} into {primary}", v.Error));
        Assert.Null(movedWritten.PutCode);
        Assert.Equal(ConsentStatus.RecordDeprecated, (await _scenario.Researcher(deprecated).GetAsync())!.Status);
        Assert.Equal(2, (await _scenario.ListAsync(new IssuanceQuery { Orcid = primary })).Count);

        await _scenario.ConnectAsync(primary);
        await _scenario.WaitForAsync("sandbox.cert-new", v => v.Status == IssuanceStatus.InOrcid);
        await _scenario.WaitForAsync("sandbox.cert-written", v => v.Status == IssuanceStatus.InOrcid);
        Assert.Equal(2, (await _scenario.RecordAsync(primary)).Count);
        Assert.Empty(await _scenario.RecordAsync(deprecated));
    }
}
