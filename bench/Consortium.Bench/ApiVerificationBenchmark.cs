using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;
using Consortium.Orcid;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Api;
using Consortium.Portal.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Bench;

/// <summary>
/// Warm verification through the real portal's REST API (a tenant's API key, the tenant resolved from the route, the audit row),
/// next to a bare endpoint on the same host, and each layer of the request on its own so that the difference can be placed:
/// the key check, the tenant's profile, the grain calls of a decision and its JSON, the audit insert. Then the same
/// verification while 2,000 qualifications drain for the same record, and batches of 1,000 warm and 1,000 cold iDs.
/// </summary>
public static class ApiVerificationBenchmark
{
    public sealed record Report(
        IReadOnlyList<LoadHarness.Result> Layers,
        IReadOnlyList<(string Method, double PerDecision)> CallsPerDecision,
        LoadHarness.Result DuringDrain,
        int DrainWrites,
        int DrainedDuringMeasurement,
        IReadOnlyList<(string Name, int Orcids, TimeSpan Elapsed, int Allowed)> Batches);

    private const string Rule = "bench";
    private const int DrainWrites = 2_000;

    public static async Task<Report> RunAsync(int requests, int parallelism, int batch = 1_000)
    {
        // Nothing here sends email; the portal only insists that it could.
        var noEmail = new Dictionary<string, string?> { ["Email:Delivery"] = "Smtp", ["Email:SmtpHost"] = "127.0.0.1", ["Email:SmtpPort"] = "9", ["Email:SmtpStartTls"] = "false" };
        await using var portal = await BenchPortal.StartAsync(noEmail, MapLayers);
        var grains = portal.Services.GetRequiredService<IGrainFactory>();
        using var controls = new SimulatorControls(portal.Sandbox);
        var tenant = $"bench-{Guid.NewGuid():N}"[..20];
        var (ledger, _, researcher) = await IssuingBenchmark.SetUpTenantAsync(grains, controls, tenant);
        var clientId = (await grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant, OrcidEnvironment.Sandbox)).GetAsync())!.ClientId;
        await controls.PutQualificationAsync(researcher, clientId, "Bench Safety");
        await grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(tenant))
            .SaveAsync(Rule, new TrustRuleInput(null, "Bench Safety", null, new TrustInput(true, [], false, false), null, null, null, null, null));
        var key = (await grains.GetGrain<ITenantApiKeysGrain>(TenantKey.For(tenant)).CreateAsync("bench")).Key;

        using var http = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = JsonSerializer.Serialize(new { env = "sandbox", orcid = researcher, ruleId = Rule });
        Task<HttpResponseMessage> Post(string path) => http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var api = $"/api/v1/tenants/{tenant}/verifications";
        await EnsureAllowedAsync(await Post(api));

        var layers = new List<LoadHarness.Result>();
        async Task Layer(string name, string path) => layers.Add(await LoadHarness.MeasureAsync(name, requests, parallelism, _ => Post(path)));
        await Layer("bare endpoint returning a constant", "/bench/constant");
        await Layer("+ the tenant's API key checked", "/bench/key");
        await Layer("+ the tenant resolved (TenantContext)", $"/bench/tenants/{tenant}/context");
        await Layer("+ the decision (grain calls, rule, JSON), no audit", $"/bench/tenants/{tenant}/decide");
        await Layer("an audit row alone (no key, no decision)", "/bench/audit");
        await Layer("verification, warm, REST API with key and audit", api);

        portal.Counter.Reset();
        const int Counted = 1_000;
        for (var i = 0; i < Counted; i++)
        {
            (await Post(api)).EnsureSuccessStatusCode();
        }
        var calls = portal.Counter.ByMethod.Select(m => (m.Method, (double)m.Calls / Counted)).ToList();

        // The same record's writes: 2,000 qualifications queued for it, drained by the issuing queue at ORCID's 24/s.
        foreach (var chunk in Enumerable.Range(0, DrainWrites).Chunk(100))
        {
            await ledger.SubmitAsync([.. chunk.Select(i => new NewIssuance("bench", $"drain-{i}", Orcid: researcher))], "http://bench.test");
        }
        var projection = portal.Services.GetRequiredService<IIssuingProjection>();
        var before = (await projection.CountAsync(tenant, OrcidEnvironment.Sandbox)).Count(IssuanceStatus.InOrcid);
        var during = await LoadHarness.MeasureAsync($"verification, warm, while {DrainWrites:N0} writes drain for the same record", requests, parallelism, _ => Post(api));
        var drained = (await projection.CountAsync(tenant, OrcidEnvironment.Sandbox)).Count(IssuanceStatus.InOrcid) - before;

        var batches = await BatchesAsync(http, controls, tenant, researcher, batch);
        return new Report(layers, calls, during, DrainWrites, drained, batches);
    }

    /// <summary>A batch of <paramref name="size"/> records never read (cold: ORCID's public API, 12 a second), then the same batch again (warm).</summary>
    private static async Task<IReadOnlyList<(string, int, TimeSpan, int)>> BatchesAsync(HttpClient http, SimulatorControls controls, string tenant, string first, int size)
    {
        var orcids = new List<string>();
        for (var i = 0; i < size; i++)
        {
            orcids.Add((await controls.CreateResearcherAsync("Bulk", $"Researcher {i}", $"bulk-{i}@example.org")).Orcid);
        }
        var results = new List<(string, int, TimeSpan, int)>();
        foreach (var name in new[] { "cold (ORCID's public API, 12/s)", "warm" })
        {
            var clock = Stopwatch.StartNew();
            using var answer = await http.PostAsJsonAsync($"/api/v1/tenants/{tenant}/verifications/batch", new { env = "sandbox", ruleId = Rule, orcids });
            answer.EnsureSuccessStatusCode();
            var entries = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");
            var unknown = entries.EnumerateArray().Count(e => e.TryGetProperty("decision", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() == "unknown");
            results.Add(($"batch of {size:N0} iDs, {name}", size, clock.Elapsed, unknown));
        }
        return results;
    }

    private static async Task EnsureAllowedAsync(HttpResponseMessage answer)
    {
        answer.EnsureSuccessStatusCode();
        var decision = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision");
        if (decision.GetString() != "allow")
        {
            throw new InvalidOperationException($"The benchmark's verification should allow, not {decision}.");
        }
    }

    /// <summary>Each layer of the API's request alone, on the portal's own pipeline and services.</summary>
    private static void MapLayers(WebApplication app)
    {
        var constant = new { decision = "allow" };
        var bench = app.MapGroup("/bench");
        bench.MapPost("/constant", () => TypedResults.Ok(constant)).AllowAnonymous().DisableAntiforgery();
        bench.MapPost("/key", (TrustRulesApi.VerificationBody body) => TypedResults.Ok(constant)).RequireAuthorization(ApiPolicies.ApiCaller);
        bench.MapPost("/tenants/{tenant}/context", (TrustRulesApi.VerificationBody body, TenantContext scope) => TypedResults.Ok(constant))
            .RequireAuthorization(ApiPolicies.ApiCaller);
        bench.MapPost("/tenants/{tenant}/decide", async (TrustRulesApi.VerificationBody body, TenantContext scope, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IVerifierGrain>(scope.Slug).VerifyAsync(
                new VerificationRequest(OrcidEnvironmentName.Parse("env", body.Env), body.Orcid ?? "", body.RuleId))))
            .RequireAuthorization(ApiPolicies.ApiCaller);
        bench.MapPost("/audit", async (AuditLog audit) =>
        {
            await audit.RecordAsync(new AuditActor("bench", "127.0.0.1"), "bench.audited", "a row", null, null);
            return TypedResults.Ok(constant);
        }).AllowAnonymous().DisableAntiforgery();
    }

    public static string Format(Report report)
    {
        var bare = report.Layers[0].PerSecond;
        string Row(LoadHarness.Result r) => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Endpoint} | {r.Requests} | {r.PerSecond:0} | {r.PerSecond / bare:0.00} | {r.P50.TotalMilliseconds:0.00} ms | {r.P99.TotalMilliseconds:0.00} ms |");
        var text = new StringBuilder()
            .AppendLine("| endpoint | requests | requests/s | ratio to bare | p50 | p99 |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var layer in report.Layers)
        {
            text.AppendLine(Row(layer));
        }
        text.AppendLine(Row(report.DuringDrain));
        foreach (var (name, orcids, elapsed, unknown) in report.Batches)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} (one request; {unknown} unknown) | {orcids} iDs | {orcids / elapsed.TotalSeconds:0} iDs/s | | {elapsed.TotalSeconds:0.00} s | |");
        }
        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"During the drain measurement {report.DrainedDuringMeasurement} of the {report.DrainWrites:N0} writes reached ORCID.")
            .AppendLine()
            .AppendLine("Grain calls per warm decision through the API, by method:")
            .AppendLine()
            .AppendLine("| grain method | calls per decision |")
            .AppendLine("| --- | ---: |");
        foreach (var (method, per) in report.CallsPerDecision)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{method}` | {per:0.00} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"| **total** | **{report.CallsPerDecision.Sum(c => c.PerDecision):0.00}** |");
        return text.ToString();
    }
}
