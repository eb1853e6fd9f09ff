namespace Consortium.Orcid.Tests.Conformance;

/// <summary>The shared suite against the simulator, each test with its own client and researcher.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SimulatorQualificationTests(SimulatorFixture simulator)
{
    async Task<QualificationScenarios> Scenarios() => new(await simulator.NewTargetAsync());

    [Fact]
    public async Task CreateReadUpdateDeleteRoundTrips() => await (await Scenarios()).CreateReadUpdateDeleteRoundTrips();

    [Fact]
    public async Task DuplicateCreateRecoversExistingPutCode() => await (await Scenarios()).DuplicateCreateRecoversExistingPutCode();

    [Fact]
    public async Task NeitherOrganizationIdNorExternalIdIsRefused() => await (await Scenarios()).NeitherOrganizationIdNorExternalIdIsRefused();

    [Fact]
    public async Task UnknownOrganizationIdIsRefused() => await (await Scenarios()).UnknownOrganizationIdIsRefused();

    [Fact]
    public async Task ClientCredentialsGiveReadPublicToken() => await (await Scenarios()).ClientCredentialsGiveReadPublicToken();
}
