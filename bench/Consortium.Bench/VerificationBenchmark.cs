using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Bench;

/// <summary>
/// Warm-cache verification over HTTP through co-hosted silos (one embedded, or one or two of a PostgreSQL cluster), side by side with a bare endpoint that returns a constant:
/// the ratio is the cost of a decision (grain calls and rule evaluation) over ASP.NET Core's own.
/// The portal's API adds one audit row per decision on top of this.
/// </summary>
public static class VerificationBenchmark
{
    /// <param name="postgres">A database for a cluster of <paramref name="silos"/> silos, each serving both endpoints, which the
    /// client takes in turn; null: one embedded silo on SQLite.</param>
    public static async Task<IReadOnlyList<LoadHarness.Result>> RunAsync(int requests, int parallelism, string? postgres = null, int silos = 1)
    {
        var simulator = OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Sandbox, SeedDemoResearchers = false });
        await simulator.StartAsync();
        var orcid = simulator.Address();
        var cluster = await BenchCluster.StartAsync(orcid, postgres, silos, app =>
        {
            app.MapGet("/constant", () => Results.Ok(new { decision = "allow" }));
            app.MapGet("/verify/{orcid}", async (string orcid, IGrainFactory grains) =>
                Results.Ok(await grains.GetGrain<IVerifierGrain>("bench").VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, orcid, "bench"))));
        });
        try
        {
            var researcher = await SetUpAsync(cluster.Services.GetRequiredService<IGrainFactory>(), orcid);
            using var http = new HttpClient();
            var verified = await http.GetFromJsonAsync<JsonElement>(new Uri(cluster.Addresses[0], $"/verify/{researcher}"));
            if (verified.GetProperty("decision").GetInt32() != (int)Decision.Allow)
            {
                throw new InvalidOperationException($"The benchmark's verification should allow: {verified}");
            }
            var hosting = postgres is null ? "one embedded silo" : silos == 1 ? "one silo (PostgreSQL cluster)" : $"{silos} silos (PostgreSQL cluster)";
            return
            [
                await MeasureAsync(http, $"bare endpoint returning a constant, {hosting}", cluster.Addresses, "/constant", requests, parallelism),
                await MeasureAsync(http, $"verification, warm cache, {hosting}", cluster.Addresses, $"/verify/{researcher}", requests, parallelism),
            ];
        }
        finally
        {
            await cluster.DisposeAsync();
            await simulator.DisposeAsync();
        }
    }

    /// <summary>Request i goes to silo i mod n.</summary>
    private static Task<LoadHarness.Result> MeasureAsync(HttpClient http, string name, IReadOnlyList<Uri> silos, string path, int requests, int parallelism)
    {
        var targets = silos.Select(silo => new Uri(silo, path)).ToArray();
        return LoadHarness.MeasureAsync(name, requests, parallelism, i => http.GetAsync(targets[i % targets.Length]));
    }

    /// <summary>Tenant "bench" with a sandbox client and the rule "bench"; a researcher with one qualification it wrote.</summary>
    private static async Task<string> SetUpAsync(IGrainFactory grains, Uri orcid)
    {
        using var controls = new SimulatorControls(orcid);
        var consortium = await grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key).CreateAsync(new NewConsortium("bench-consortium", "Bench"));
        await grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(consortium.Slug)).CreateTenantAsync(new NewTenant("bench", "Bench University", "02mhbdp94"));
        var (clientId, clientSecret) = await controls.RegisterClientAsync("Bench University", "http://bench.test/t/");
        await grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For("bench", OrcidEnvironment.Sandbox)).StoreAsync(clientId, clientSecret);
        await grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For("bench"))
            .SaveAsync("bench", new TrustRuleInput(null, "Bench Safety", null, new TrustInput(true, [], false, false), null, null, null, null, null));
        var researcher = (await controls.CreateResearcherAsync("Bench", "Researcher", "bench@example.org")).Orcid;
        await controls.PutQualificationAsync(researcher, clientId, "Bench Safety");
        return researcher;
    }
}
