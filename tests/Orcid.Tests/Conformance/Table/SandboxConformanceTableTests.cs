using Consortium.Orcid.Configuration;
using Consortium.Orcid.OAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>The same table, unchanged, against the real ORCID sandbox when the <c>ORCID_SANDBOX_*</c> variables are set
/// (rows that arrange the record through simulator controls are left out). A row the sandbox answers differently is a
/// bug in the simulator.</summary>
public sealed class SandboxConformanceTableTests : IDisposable
{
    readonly ServiceProvider services = new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddLogging()
        .AddOrcidClient()
        .BuildServiceProvider();

    public static TheoryData<string> Rows => ConformanceTable.Names(simulator: false);

    [SandboxTheory]
    [MemberData(nameof(Rows))]
    public async Task OrcidAnswersAsItsSourceSays(string row)
    {
        var clientId = Environment.GetEnvironmentVariable("ORCID_SANDBOX_CLIENT_ID")!;
        var target = new ConformanceTarget(
            services.GetRequiredService<OrcidClients>(),
            OrcidEnvironment.Sandbox,
            new OrcidClientCredentials(clientId, Environment.GetEnvironmentVariable("ORCID_SANDBOX_CLIENT_SECRET")!),
            OrcidId.Parse(Environment.GetEnvironmentVariable("ORCID_SANDBOX_ORCID")!),
            new(clientId, Environment.GetEnvironmentVariable("ORCID_SANDBOX_ACCESS_TOKEN")!));
        using var context = new ConformanceContext(target, OrcidEndpoints.RealSandbox(), simulator: null);
        await ConformanceTable.CheckAsync(row, context);
    }

    public void Dispose() => services.Dispose();
}
