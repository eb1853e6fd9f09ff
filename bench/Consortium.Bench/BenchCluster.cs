using Consortium.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consortium.Bench;

/// <summary>
/// Silos for a benchmark, in this process: one embedded silo on a fresh SQLite file, or <c>silos</c> silos of one
/// PostgreSQL cluster (as <c>dotnet Consortium.Silo.dll</c> ×N run them, with the same configuration), each also serving
/// HTTP on a port of its own. Each silo counts the grain calls it serves.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly List<WebApplication> _silos;

    private BenchCluster(List<WebApplication> silos, IReadOnlyList<GrainCallCounter> counters, IReadOnlyList<Uri> addresses)
    {
        _silos = silos;
        Counters = counters;
        Addresses = addresses;
    }

    public IServiceProvider Services => _silos[0].Services;

    /// <summary>Each silo's HTTP address.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public IReadOnlyList<GrainCallCounter> Counters { get; }

    public long GrainCalls => Counters.Sum(counter => counter.Calls);

    /// <param name="postgres">A database the silos may create tables in; null: one embedded silo on SQLite.</param>
    /// <param name="map">Endpoints every silo serves.</param>
    public static async Task<BenchCluster> StartAsync(Uri orcid, string? postgres = null, int silos = 1, Action<WebApplication>? map = null)
    {
        var shared = BenchHost.Settings(orcid);
        if (postgres is not null)
        {
            shared["Orleans:Mode"] = nameof(HostingMode.Cluster);
            shared["Orleans:ClusterId"] = shared["Orleans:ServiceId"];
            shared["ConnectionStrings:Consortium"] = postgres;
        }
        var apps = new List<WebApplication>();
        var counters = new List<GrainCallCounter>();
        var addresses = new List<Uri>();
        for (var i = 0; i < (postgres is null ? 1 : silos); i++)
        {
            var settings = new Dictionary<string, string?>(shared)
            {
                ["Orleans:SiloPort"] = BenchHost.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Orleans:GatewayPort"] = BenchHost.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var address = new Uri($"http://127.0.0.1:{BenchHost.FreePort()}");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = BenchHost.EnvironmentName });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.UseUrls(address.AbsoluteUri);
            builder.Configuration.AddInMemoryCollection(settings);
            var counter = new GrainCallCounter();
            builder.Services.AddSingleton<IIncomingGrainCallFilter>(counter);
            builder.AddConsortiumOrleans();
            var app = builder.Build();
            map?.Invoke(app);
            // One at a time: the first applies the schema, the others find it.
            await app.StartAsync();
            apps.Add(app);
            counters.Add(counter);
            addresses.Add(address);
        }
        return new BenchCluster(apps, counters, addresses);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }
    }
}
