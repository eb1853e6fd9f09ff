using System.Diagnostics;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;
using Consortium.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Consortium.Bench;

/// <summary>
/// 1, 2 and 3 silos of a PostgreSQL cluster issuing for one tenant, so for one ORCID client: the simulator counts the
/// client's member API requests and its 503s. The silos share the client's 24 requests/s (the cluster's rate limit), so
/// together they should come close to 24/s and never draw a 503.
/// </summary>
public static class SharedRateLimitBenchmark
{
    private const double OrcidRateLimit = 24;

    /// <param name="RequestsPerSecond">The client's member API requests the simulator let through, over the time from the submit until every issuance was in ORCID.</param>
    /// <param name="IssuancesPerSilo">Issuance grains active on each silo at the end: who sent the writes.</param>
    public sealed record Result(int Silos, int Issuances, TimeSpan Elapsed, long Requests, double RequestsPerSecond, long RateLimited, int Missing,
        IReadOnlyList<int> IssuancesPerSilo)
    {
        public double ShareOfRateLimit => RequestsPerSecond / OrcidRateLimit;
    }

    public static async Task<Result> RunAsync(string postgresServer, int silos, int issuances)
    {
        var database = $"consortium_bench_{Guid.NewGuid():N}";
        await BenchHost.ExecuteAsync(postgresServer, $"CREATE DATABASE {database}");
        var simulator = OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Sandbox, SeedDemoResearchers = false });
        await simulator.StartAsync();
        var hosts = new List<IHost>();
        try
        {
            var cluster = new Dictionary<string, string?>
            {
                ["Orleans:Mode"] = "Cluster",
                ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}",
                ["Orleans:ServiceId"] = $"bench-{Guid.NewGuid():N}",
                // A small pool per silo: the machine's PostgreSQL serves 100 connections to everyone sharing it.
                ["ConnectionStrings:Consortium"] = new NpgsqlConnectionStringBuilder(postgresServer) { Database = database, MaxPoolSize = 15 }.ConnectionString,
                // One key ring in the database for every silo: one key-encryption key.
                ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            };
            for (var s = 0; s < silos; s++)
            {
                var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = BenchHost.EnvironmentName });
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Configuration.AddInMemoryCollection(BenchHost.Settings(simulator.Address())).AddInMemoryCollection(cluster);
                builder.AddConsortiumOrleans();
                var host = builder.Build();
                await host.StartAsync();
                hosts.Add(host);
            }
            var grains = hosts[0].Services.GetRequiredService<IGrainFactory>();
            while ((await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count < silos)
            {
                await Task.Delay(100);
            }
            var reader = hosts[0].Services.GetRequiredService<IssuingReader>();
            using var controls = new SimulatorControls(simulator.Address());
            var (ledger, tenant, researcher) = await IssuingBenchmark.SetUpTenantAsync(grains, controls, $"rate-{Guid.NewGuid():N}"[..20]);
            var clientId = (await grains.GetGrain<Grains.Interfaces.IOrcidClientGrain>(Grains.OrcidClients.OrcidClientKey.For(tenant, OrcidEnvironment.Sandbox)).GetAsync())!.ClientId;
            var setUp = await controls.TrafficAsync(clientId);

            var clock = Stopwatch.StartNew();
            await ledger.SubmitAsync([.. Enumerable.Range(0, issuances).Select(i => new NewIssuance("bench", $"r-{i}", Orcid: researcher))], "http://bench.test");
            while ((await reader.CountsAsync(tenant, OrcidEnvironment.Sandbox)).Count(IssuanceStatus.InOrcid) < issuances)
            {
                await Task.Delay(20);
            }
            clock.Stop();

            var traffic = await controls.TrafficAsync(clientId);
            var requests = traffic.Accepted - setUp.Accepted;
            var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            var perSilo = hosts.Select(host => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress)
                .Select(silo => statistics.Where(s => s.SiloAddress.Equals(silo) && s.GrainType.Contains(nameof(IssuanceGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount))
                .ToList();
            var onRecord = (await controls.QualificationsAsync(researcher)).Count;
            return new Result(silos, issuances, clock.Elapsed, requests, requests / clock.Elapsed.TotalSeconds, traffic.RateLimited - setUp.RateLimited, Math.Max(0, issuances - onRecord), perSilo);
        }
        finally
        {
            foreach (var host in Enumerable.Reverse(hosts))
            {
                await host.StopAsync();
                host.Dispose();
            }
            await simulator.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await BenchHost.ExecuteAsync(postgresServer, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }
}
