using Consortium.Grains.Batches;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.Orcid;

namespace Consortium.Grains.Tests.Batches;

/// <summary>
/// A batch is accepted in one write and creates its rows' issuances in the background, a chunk at a time. A silo that dies
/// between two chunks (the gate catches the batch's write of its progress, and the silo stores nothing after it) loses nothing:
/// after the restart the batch's reminder resumes it, the chunk cut short is submitted again, and every row ends on its
/// researcher's record exactly once.
/// </summary>
public sealed class BatchTests : IAsyncLifetime
{
    private const int Researchers = 3;
    private const int PerResearcher = 200;
    private const int Rows = Researchers * PerResearcher;

    private readonly StateWriteGate _gate = new();
    private SqliteTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await SqliteTestCluster.StartCrashableAsync(_gate);

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task ABatchCutShortBySiloDeathBetweenChunksResumesByItselfAndWritesEveryRowOnce()
    {
        using var scenario = await IssuingScenario.CreateAsync(_cluster);
        var researchers = await scenario.ConnectedResearchersAsync(Researchers);
        var rows = Enumerable.Range(0, Rows)
            .Select(i => new NewIssuance(IssuingScenario.TemplateId, $"batch-{i:0000}", Orcid: researchers[i % Researchers]))
            .ToArray();
        var (batch, record) = Batch(scenario, rows);

        // The accept and the first chunk's progress are stored; the second chunk's progress is not.
        _gate.Arm("batch", writesToPass: 2);
        await batch.AcceptAsync(record, rows, IssuingScenario.PortalUrl);
        await _gate.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        await _cluster.KillAndRestartSiloAsync();

        // Nothing calls the batch after the restart: its reminder must wake it.
        await Poll.UntilAsync(async () => await Stored(scenario, record.Id).GetAsync() is { Creating: false }, TimeSpan.FromSeconds(120));
        var finished = (await Stored(scenario, record.Id).GetAsync())!;
        Assert.Equal((Rows, Rows, (string?)null), (finished.Accepted, finished.Created, finished.Stopped));
        await Poll.UntilAsync(async () => (await scenario.CountsAsync()).Pending == 0, TimeSpan.FromSeconds(120));
        var counts = await scenario.CountsAsync();
        Assert.Equal((Rows, Rows), (counts.Total, counts.Count(IssuanceStatus.InOrcid)));
        await scenario.AssertEachWrittenOnceAsync(researchers, PerResearcher);
    }

    [Fact]
    public async Task ABatchWhoseRowsTheQueueRefusesStopsAndSaysWhy()
    {
        using var scenario = await IssuingScenario.CreateAsync(_cluster);
        var orcid = (await scenario.ConnectedResearchersAsync(1))[0];
        // The template was there when the file was checked, and deleted before the batch reached it.
        var rows = new[] { new NewIssuance("deleted-template", "gone-1", Orcid: orcid) };
        var (batch, record) = Batch(scenario, rows);

        await batch.AcceptAsync(record, rows, IssuingScenario.PortalUrl);

        await Poll.UntilAsync(async () => await batch.GetAsync() is { Creating: false }, TimeSpan.FromSeconds(30));
        var stopped = (await batch.GetAsync())!;
        Assert.Equal(0, stopped.Created);
        Assert.Contains("There is no template 'deleted-template'", stopped.Stopped);
        Assert.Equal(0, (await scenario.CountsAsync()).Total);
    }

    private IBatchGrain Stored(IssuingScenario scenario, string batchId) => _cluster.Client.GetGrain<IBatchGrain>(BatchKey.For(scenario.Tenant, batchId));

    private (IBatchGrain Grain, BatchRecord Record) Batch(IssuingScenario scenario, IReadOnlyList<NewIssuance> rows)
    {
        var id = BatchKey.NewId();
        var record = new BatchRecord(id, "test.csv", DateTimeOffset.UtcNow, "test",
            [.. rows.Select((row, i) => new BatchLine(i + 2, row.ExternalId, row.Orcid, null, IssuingKey.IssuanceId(OrcidEnvironment.Sandbox, row.ExternalId), null))])
        {
            Environment = OrcidEnvironment.Sandbox,
        };
        return (Stored(scenario, id), record);
    }
}
