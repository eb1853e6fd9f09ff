using Consortium.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Consortium.Silo.Tests.Infrastructure;

/// <summary>Starts real hosts configured exactly as the silo executable and the portal configure theirs.</summary>
public static class ConsortiumHosts
{
    public static async Task<IHost> StartAsync(HostingMode mode, string postgresConnectionString, string clusterId, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Orleans:Mode"] = mode.ToString(),
            ["Orleans:ServiceId"] = "consortium-tests",
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
            ["ConnectionStrings:Consortium"] = postgresConnectionString,
        });
        builder.AddConsortiumOrleans();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
