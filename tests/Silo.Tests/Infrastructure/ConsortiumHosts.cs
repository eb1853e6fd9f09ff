using Consortium.Orcid.Configuration;
using System.Security.Cryptography;
using Consortium.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Consortium.Silo.Tests.Infrastructure;

/// <summary>Starts real hosts configured exactly as the silo executable and the portal configure theirs.</summary>
public static class ConsortiumHosts
{
    /// <summary>The key ring's key-encryption key, which a start outside Development needs: one per test run, shared by every host.</summary>
    public static string KeyEncryptionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Where a host's ORCID client goes when a test gives no simulator: the discard port, which nothing answers.</summary>
    public static Uri Nowhere { get; } = new("http://127.0.0.1:9/");

    /// <summary>Settings that point the host's ORCID client at a sandbox simulator (and production ORCID nowhere).</summary>
    public static Dictionary<string, string?> SandboxSettings(Uri sandbox) => OrcidEndpoints.Settings(OrcidEndpoints.Simulator(sandbox), OrcidEndpoints.Simulator(Nowhere));

    /// <summary>How a host of <paramref name="mode"/> joins the test cluster <paramref name="clusterId"/>: ports of its own, the database.</summary>
    public static Dictionary<string, string?> ClusterSettings(HostingMode mode, string postgresConnectionString, string clusterId) => new()
    {
        ["Orleans:Mode"] = mode.ToString(),
        ["Orleans:ServiceId"] = "consortium-tests",
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:SiloPort"] = FreePort.Next().ToString(),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
        ["ConnectionStrings:Consortium"] = postgresConnectionString,
    };

    /// <param name="settings">More configuration; it wins over the defaults here (e.g. another <c>DataProtection</c> setup).</param>
    /// <param name="environment">Testing by default: outside Development like Production, but a Production host would refuse the simulators.</param>
    public static async Task<IHost> StartAsync(HostingMode mode, string postgresConnectionString, string clusterId, IDictionary<string, string?>? settings = null,
        string environment = "Testing")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(SandboxSettings(Nowhere)) { ["DataProtection:KeyEncryptionKey"] = KeyEncryptionKey });
        builder.Configuration.AddInMemoryCollection(ClusterSettings(mode, postgresConnectionString, clusterId));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddConsortiumOrleans();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
