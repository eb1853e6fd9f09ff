using Consortium.OrcidSimulator;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>A simulator of one test's own, for options the shared one must not have (batch timings, quotas); disposed with the test.</summary>
public sealed class OwnSimulator : IAsyncDisposable
{
    OwnSimulator(SimulatorFixture fixture) => Fixture = fixture;

    public SimulatorFixture Fixture { get; }

    public static async Task<OwnSimulator> StartAsync(OrcidSimulatorOptions options)
    {
        var fixture = new SimulatorFixture(options with { Urls = "http://127.0.0.1:0", SeedDemoResearchers = false });
        await fixture.InitializeAsync();
        return new OwnSimulator(fixture);
    }

    public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
}
