using System.Diagnostics;
using Consortium.Grains.Branding;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using System.Globalization;
using Consortium.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consortium.Bench;

/// <summary>
/// Grain state writes through a real silo: each call replaces one tenant's branding and writes it once.
/// Many grains in parallel, as when many tenants are busy at once.
/// </summary>
public static class StorageBenchmark
{
    public sealed record Result(string Storage, int Writes, int Parallelism, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
    {
        public double WritesPerSecond => Writes / Elapsed.TotalSeconds;
    }

    /// <param name="configuration">The hosting configuration, exactly as the portal or silo would be given it.</param>
    public static async Task<Result> RunAsync(string storage, IReadOnlyDictionary<string, string?> configuration, int writes, int parallelism)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = BenchHost.EnvironmentName });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = BenchHost.Settings();
        foreach (var (key, value) in configuration)
        {
            settings[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddConsortiumOrleans();
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        // Warm up: activate every grain once, so the run measures writes, not activations.
        var tenants = Enumerable.Range(0, parallelism).Select(i => grains.GetGrain<ITenantBrandingGrain>(TenantKey.For($"bench-{i}"))).ToArray();
        await Task.WhenAll(tenants.Select(tenant => tenant.GetAsync()));

        var latencies = new TimeSpan[writes];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(tenants.Select(async tenant =>
        {
            for (var i = Interlocked.Increment(ref next); i < writes; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await tenant.SetAsync(new TenantBranding($"Write {i}", "#1B5E20", null, null));
                latencies[i] = Stopwatch.GetElapsedTime(started);
            }
        }));
        total.Stop();
        await host.StopAsync();

        Array.Sort(latencies);
        return new Result(storage, writes, parallelism, total.Elapsed, latencies[writes / 2], latencies[writes * 99 / 100]);
    }
}
