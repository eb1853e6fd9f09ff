using Consortium.Orcid.OAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>The shared suite against the real ORCID sandbox, with the credentials from the environment.</summary>
public sealed class SandboxQualificationTests : IDisposable
{
    readonly ServiceProvider services;
    readonly QualificationScenarios scenarios;

    public SandboxQualificationTests()
    {
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddOrcidClient()
            .BuildServiceProvider();
        var clientId = Environment.GetEnvironmentVariable("ORCID_SANDBOX_CLIENT_ID") ?? "";
        scenarios = new QualificationScenarios(new ConformanceTarget(
            services.GetRequiredService<OrcidClients>(),
            OrcidEnvironment.Sandbox,
            new OrcidClientCredentials(clientId, Environment.GetEnvironmentVariable("ORCID_SANDBOX_CLIENT_SECRET") ?? ""),
            OrcidId.TryParse(Environment.GetEnvironmentVariable("ORCID_SANDBOX_ORCID"), out var orcid) ? orcid : default,
            new(clientId, Environment.GetEnvironmentVariable("ORCID_SANDBOX_ACCESS_TOKEN") ?? "")));
    }

    public void Dispose() => services.Dispose();

    [SandboxFact]
    public Task CreateReadUpdateDeleteRoundTrips() => scenarios.CreateReadUpdateDeleteRoundTrips();

    [SandboxFact]
    public Task DuplicateCreateRecoversExistingPutCode() => scenarios.DuplicateCreateRecoversExistingPutCode();

    [SandboxFact]
    public Task NeitherOrganizationIdNorExternalIdIsRefused() => scenarios.NeitherOrganizationIdNorExternalIdIsRefused();

    [SandboxFact]
    public Task UnknownOrganizationIdIsRefused() => scenarios.UnknownOrganizationIdIsRefused();

    [SandboxFact]
    public Task ClientCredentialsGiveReadPublicToken() => scenarios.ClientCredentialsGiveReadPublicToken();
}
