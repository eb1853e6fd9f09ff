using Consortium.Orcid;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Launch;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Launch;

/// <summary>The launch review's checklist fills in from what really happened in sandbox, and only then can it be submitted and approved.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class LaunchReviewTests(SqliteClusterFixture fixture) : IAsyncLifetime
{
    private IssuingScenario _scenario = null!;

    private ILaunchReviewGrain Review => fixture.Cluster.Client.GetGrain<ILaunchReviewGrain>(TenantKey.For(_scenario.Tenant));

    public async Task InitializeAsync() => _scenario = await IssuingScenario.CreateAsync(fixture.Cluster);

    public Task DisposeAsync()
    {
        _scenario.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ACompleteSandboxDemoIsSubmittedAndItsApprovalOpensProduction()
    {
        var before = await Review.GetAsync();
        Assert.False(before.IsComplete);
        var refused = await Assert.ThrowsAsync<LaunchReviewRefusedException>(() => Review.SubmitAsync("admin"));
        Assert.Contains("a researcher authorizing", refused.Message);

        // The demo, as a member shows it on its sandbox test site.
        var researcher = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(researcher, authorize: false);
        await _scenario.ConnectAsync(researcher);
        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "demo-1", Orcid: researcher));
        await _scenario.WaitForAsync("sandbox.demo-1", v => v.Status == IssuanceStatus.InOrcid);
        await fixture.Cluster.Client.GetGrain<ITenantTemplatesGrain>(TenantKey.For(_scenario.Tenant))
            .SaveAsync(IssuingScenario.TemplateId, new TemplateInput("Laser Safety Level 3", ValidityMonths: 12));
        await _scenario.WaitForAsync("sandbox.demo-1", v => v.Title == "Laser Safety Level 3");
        await _scenario.Ledger.ReconcileAsync();
        await WaitForMilestoneAsync(LaunchStep.ReadBack);
        await _scenario.Ledger.RevokeAsync("sandbox.demo-1");
        await _scenario.WaitForAsync("sandbox.demo-1", v => v.Status == IssuanceStatus.Revoked);
        await _scenario.Researcher(researcher).DisconnectAsync();
        await WaitForMilestoneAsync(LaunchStep.Deleted);

        var complete = await Review.GetAsync();
        Assert.True(complete.IsComplete, string.Join("; ", complete.Checklist.Where(c => !c.Done).Select(c => c.Title)));
        Assert.Contains(complete.Checklist, c => c.Key == nameof(LaunchStep.Written) && c.Evidence.Contains("sandbox.demo-1"));
        await Assert.ThrowsAsync<LaunchReviewRefusedException>(() => Review.ApproveAsync("lead", evenIfNotSubmitted: false));
        var submitted = await Review.SubmitAsync("admin");
        var returned = await Review.ReturnAsync("lead", "Please show the certificate page too.");
        await Review.SubmitAsync("admin");
        var approved = await Review.ApproveAsync("lead", evenIfNotSubmitted: false);

        Assert.Equal((LaunchReviewStatus.Submitted, LaunchReviewStatus.Returned, LaunchReviewStatus.Approved), (submitted.Status, returned.Status, approved.Status));
        Assert.Equal("Please show the certificate page too.", returned.Comments);
        Assert.True((await fixture.Cluster.Client.GetGrain<ITenantGrain>(TenantKey.For(_scenario.Tenant)).GetProfileAsync())!.IsLaunchApproved);
        var production = fixture.Cluster.Client.GetGrain<ITenantIssuingGrain>(IssuingKey.For(_scenario.Tenant, OrcidEnvironment.Production));
        var stillNeedsAClient = await Assert.ThrowsAsync<IssuingClosedException>(() =>
            production.SubmitAsync([new NewIssuance(IssuingScenario.TemplateId, "prod-1", Orcid: researcher)], IssuingScenario.PortalUrl));
        Assert.Contains("production client", stillNeedsAClient.Message);
    }

    private async Task WaitForMilestoneAsync(LaunchStep step)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await _scenario.Ledger.MilestonesAsync()).ContainsKey(step))
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
