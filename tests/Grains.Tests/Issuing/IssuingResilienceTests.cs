using System.Net.Http.Json;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Issuing;

/// <summary>The queue's promise: a silo killed mid-batch, ORCID's 503 bursts and latency lose nothing and duplicate nothing.</summary>
public sealed class IssuingResilienceTests : IAsyncLifetime
{
    private const int Researchers = 20;
    private const int PerResearcher = 15;

    private SqliteTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await SqliteTestCluster.StartAsync(SqliteTestCluster.ResumeQuickly);

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task ASiloKilledMidBatchUnderFaultsResumesWithNoLossAndNoDuplicate()
    {
        using var scenario = await IssuingScenario.CreateAsync(_cluster);
        var researchers = await scenario.ConnectedResearchersAsync(Researchers);
        await StartFaultAsync(scenario, "Burst503", rate: 0.3);
        await StartFaultAsync(scenario, "Latency", rate: 0.5, latencyMilliseconds: 40);
        await StartFaultAsync(scenario, "Drop", rate: 0.05);
        var batch = Enumerable.Range(0, Researchers * PerResearcher)
            .Select(i => new NewIssuance(IssuingScenario.TemplateId, $"cert-{i:0000}", Orcid: researchers[i % Researchers]))
            .ToArray();

        await scenario.IssueAsync(batch);
        await Poll.UntilAsync(async () => (await scenario.CountsAsync()).Count(IssuanceStatus.InOrcid) >= batch.Length / 4);
        Assert.True((await scenario.CountsAsync()).Pending > 0, "The batch finished before the silo was killed: the test proves nothing.");
        await _cluster.KillAndRestartSiloAsync();
        // The same file again after the restart: everything is known already, nothing is written twice.
        await scenario.IssueAsync(batch);
        await Poll.UntilAsync(async () => (await scenario.CountsAsync()) is { Pending: 0 } counts && counts.Count(IssuanceStatus.InOrcid) == batch.Length,
            TimeSpan.FromSeconds(120));

        await scenario.AssertEachWrittenOnceAsync(researchers, PerResearcher);
    }

    private static async Task StartFaultAsync(IssuingScenario scenario, string kind, double rate, int latencyMilliseconds = 0) =>
        (await scenario.Simulator.PostAsJsonAsync("/_sim/faults", new { kind, rate, durationSeconds = 600, latencyMilliseconds })).EnsureSuccessStatusCode();
}
