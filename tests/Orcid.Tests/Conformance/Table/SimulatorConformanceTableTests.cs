using Consortium.Orcid.Configuration;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>The conformance table against the simulator, each row with a fresh client and researcher.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SimulatorConformanceTableTests(SimulatorFixture simulator)
{
    public static TheoryData<string> Rows => ConformanceTable.Names(simulator: true);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task OrcidAnswersAsItsSourceSays(string row)
    {
        using var context = new ConformanceContext(await simulator.NewTargetAsync(), OrcidEndpoints.Simulator(simulator.BaseUrl), simulator);
        await ConformanceTable.CheckAsync(row, context);
    }
}
