using Consortium.Grains.Issuing;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Issuing;

/// <summary>
/// A silo dies at one point of submitting a batch (the gate catches one storage write and the silo stores nothing after
/// it), restarts, and the client sends the same batch again: every row ends on its researcher's record exactly once,
/// and the summary counts rows as pending until they are written.
/// </summary>
public sealed class SubmitCrashTests : IAsyncLifetime
{
    private const int Researchers = 10;
    private const int PerResearcher = 15;
    private const int Rows = Researchers * PerResearcher;

    private readonly StateWriteGate _gate = new();
    private SqliteTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await SqliteTestCluster.StartCrashableAsync(_gate);

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    /// <param name="state">The state whose write the silo dies on: an issuance's or the queue's ledger.</param>
    /// <param name="writesBefore">How many writes of that state land first.</param>
    [Theory]
    [InlineData("issuance", 0)]              // before anything of the batch is stored
    [InlineData("issuance", Rows / 2)]       // half the issuances stored, the ledger not
    [InlineData("issuing", 0)]               // every issuance stored, the ledger's save lost
    [InlineData("issuing", 1)]               // the ledger saved; its next save, while writing to ORCID, lost
    [InlineData("issuance", Rows + Rows / 4)] // a quarter written to ORCID, then an issuance's write after ORCID's answer lost
    public async Task ASubmitCutShortBySiloDeathAndSentAgainWritesEveryRowOnce(string state, int writesBefore)
    {
        using var scenario = await IssuingScenario.CreateAsync(_cluster);
        var researchers = await scenario.ConnectedResearchersAsync(Researchers);
        var batch = Enumerable.Range(0, Rows)
            .Select(i => new NewIssuance(IssuingScenario.TemplateId, $"row-{i:0000}", Orcid: researchers[i % Researchers]))
            .ToArray();

        _gate.Arm(state, writesBefore);
        var submit = scenario.IssueAsync(batch);
        await _gate.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        await _cluster.KillAndRestartSiloAsync();
        // The first submit may or may not have answered before the silo died; the client cannot know, so it sends again.
        await Record.ExceptionAsync(() => submit);
        await scenario.IssueAsync(batch);

        await Poll.UntilAsync(async () => (await scenario.CountsAsync()).Pending == 0, TimeSpan.FromSeconds(120));
        var counts = await scenario.CountsAsync();
        Assert.Equal((Rows, Rows), (counts.Total, counts.Count(IssuanceStatus.InOrcid)));
        await scenario.AssertEachWrittenOnceAsync(researchers, PerResearcher);
    }
}
