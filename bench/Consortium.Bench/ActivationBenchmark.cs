using System.Diagnostics;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consortium.Bench;

/// <summary>
/// Cold start of the embedded silo (host start to the first grain answer: a fresh database, which is created and
/// migrated, then the same database again), and the managed memory of many researcher grains kept active.
/// </summary>
public static class ActivationBenchmark
{
    public sealed record ColdStart(string Database, TimeSpan ToFirstAnswer);

    public sealed record Memory(int Grains, TimeSpan Activation, long ManagedBytes)
    {
        public double BytesPerGrain => (double)ManagedBytes / Grains;
    }

    public static async Task<(IReadOnlyList<ColdStart> ColdStarts, Memory Memory)> RunAsync(int researchers)
    {
        var settings = BenchHost.Settings();
        var coldStarts = new List<ColdStart>();
        Memory? memory = null;
        foreach (var database in new[] { "fresh SQLite file (created and migrated)", "existing SQLite file" })
        {
            var clock = Stopwatch.StartNew();
            using var host = Build(settings);
            await host.StartAsync();
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<ITenantGrain>(TenantKey.For("bench")).GetProfileAsync();
            coldStarts.Add(new ColdStart(database, clock.Elapsed));
            memory ??= await MeasureMemoryAsync(grains, researchers);
            await host.StopAsync();
        }
        return (coldStarts, memory!);
    }

    /// <summary>Activates researcher grains (each reads its state once) and keeps them active while the heap is measured.</summary>
    private static async Task<Memory> MeasureMemoryAsync(IGrainFactory grains, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => OrcidId.NewRandom().Value).ToArray();
        var before = HeapAfterCollection();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in ids.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(orcid =>
                grains.GetGrain<IResearcherGrain>(ResearcherKey.For("bench", OrcidEnvironment.Sandbox, orcid)).GetAsync()));
        }
        clock.Stop();
        var after = HeapAfterCollection();
        return new Memory(count, clock.Elapsed, after - before);
    }

    private static long HeapAfterCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = BenchHost.EnvironmentName });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddConsortiumOrleans();
        return builder.Build();
    }
}
