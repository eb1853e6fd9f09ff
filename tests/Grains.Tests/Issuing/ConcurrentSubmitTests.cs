using Consortium.Grains.Issuing;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Issuing;

/// <summary>The queue grain is reentrant: submits, the pump and its saves interleave, and none may see the state change under a write.</summary>
[Collection(SqliteLoadCollection.Name)]
public sealed class ConcurrentSubmitTests(SqliteClusterFixture fixture)
{
    private const int Submits = 2000;

    [Fact]
    public async Task TwoThousandConcurrentSubmitsAllSucceed()
    {
        using var scenario = await IssuingScenario.CreateAsync(fixture.Cluster);
        // Not connected: each issuance is processed (and the ledger saved) without waiting for ORCID.
        var orcid = await scenario.NewResearcherAsync();

        var failures = await Task.WhenAll(Enumerable.Range(0, Submits).Select(i =>
            Record.ExceptionAsync(() => scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, $"par-{i:0000}", Orcid: orcid)))));

        Assert.Empty(failures.OfType<Exception>().Select(failure => failure.Message));
        Assert.Equal(Submits, (await scenario.CountsAsync()).Total);
    }
}
