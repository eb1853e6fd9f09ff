using System.Diagnostics;
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
using Consortium.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consortium.Bench;

/// <summary>
/// Warm-cache verification over HTTP through a co-hosted silo, side by side with a bare endpoint that returns a constant:
/// the ratio is the cost of a decision (grain calls and rule evaluation) over ASP.NET Core's own.
/// The portal's API adds one audit row per decision on top of this.
/// </summary>
public static class VerificationBenchmark
{
    public sealed record Result(string Endpoint, int Requests, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
    {
        public double PerSecond => Requests / Elapsed.TotalSeconds;
    }

    public static async Task<IReadOnlyList<Result>> RunAsync(int requests, int parallelism)
    {
        var simulator = OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Sandbox, SeedDemoResearchers = false });
        await simulator.StartAsync();
        var orcid = simulator.Address();
        var port = BenchHost.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = BenchHost.EnvironmentName });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(BenchHost.Settings(orcid));
        builder.AddConsortiumOrleans();
        await using var app = builder.Build();
        app.MapGet("/constant", () => Results.Ok(new { decision = "allow" }));
        app.MapGet("/verify/{orcid}", async (string orcid, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IVerifierGrain>("bench").VerifyAsync(new VerificationRequest(OrcidEnvironment.Sandbox, orcid, "bench"))));
        await app.StartAsync();
        try
        {
            var researcher = await SetUpAsync(app.Services.GetRequiredService<IGrainFactory>(), orcid);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var verified = await http.GetFromJsonAsync<JsonElement>($"/verify/{researcher}");
            if (verified.GetProperty("decision").GetInt32() != (int)Decision.Allow)
            {
                throw new InvalidOperationException($"The benchmark's verification should allow: {verified}");
            }
            return
            [
                await MeasureAsync(http, "bare endpoint returning a constant", "/constant", requests, parallelism),
                await MeasureAsync(http, "verification, warm cache", $"/verify/{researcher}", requests, parallelism),
            ];
        }
        finally
        {
            await app.StopAsync();
            await simulator.DisposeAsync();
        }
    }

    private static async Task<Result> MeasureAsync(HttpClient http, string name, string path, int requests, int parallelism)
    {
        for (var i = 0; i < 200; i++)
        {
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
        }
        var latencies = new TimeSpan[requests];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                latencies[i] = Stopwatch.GetElapsedTime(started);
            }
        }));
        clock.Stop();
        Array.Sort(latencies);
        return new Result(name, requests, clock.Elapsed, latencies[requests / 2], latencies[requests * 99 / 100]);
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
