using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Orcid;
using Consortium.OrcidSimulator.Controls;
using Consortium.Silo.Hosting;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Consortium.Silo.Tests.Cluster;

/// <summary>
/// Issue #20: a silo of a two-silo cluster is killed (SIGKILL) while it holds a tenant's issuing queue with writes pending, and
/// nothing calls that queue again. The writes resume on the survivor once the death is detected, long before the queue's reminder
/// (set to five minutes here) would wake it; meanwhile API calls of another tenant answer 2xx or 503 with <c>Retry-After</c>,
/// never 500, each within a bound; and the overview page lists the killed silo as dead.
/// </summary>
[Collection(ProcessCluster.Collection)]
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writes = 150;
    /// <summary>The portal client's response timeout, and room for a loaded machine.</summary>
    private static readonly TimeSpan CallBound = ConsortiumHostingExtensions.ClientResponseTimeout + TimeSpan.FromSeconds(10);

    private ProcessCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ProcessCluster.StartAsync(silos: 2, portals: 1, settings: new Dictionary<string, string>
    {
        // The reminder alone would wake the queue minutes later: resuming within the test's bound is the failover's doing.
        ["Issuing:WakeUpPeriod"] = "00:05:00",
        // Death is declared after a few missed probes; shorter probes keep the test to seconds (production: 5 s).
        ["Orleans:Membership:ProbeTimeout"] = "00:00:02",
    });

    public async Task DisposeAsync()
    {
        output.WriteLine($"Process logs: {_cluster.LogDirectory}");
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task KillingTheSiloThatHoldsAQueueResumesItsWritesOnTheSurvivorAndTheApiAnswers503NeverA500()
    {
        using var api = _cluster.CreateApiClient(timeout: TimeSpan.FromSeconds(60));
        using var controls = new SimulatorControls(_cluster.SimulatorUrl);
        var quiet = await ClusterApi.IssuingTenantAsync(api, controls);
        var busy = await ClusterApi.IssuingTenantAsync(api, controls);
        var orcid = await ConnectResearcherAsync(quiet, controls);
        var busyOrcid = await ConnectResearcherAsync(busy, controls);

        // A client of the test's own, to ask where the queue is active; joined before the writes start.
        using var observer = await ConsortiumHosts.StartAsync(HostingMode.Client, _cluster.Database.ConnectionString, _cluster.ClusterId);
        // ORCID answers in a second: the writes are still going when the silo is killed, however loaded the machine.
        using var faults = new HttpClient { BaseAddress = _cluster.SimulatorUrl };
        (await faults.PostAsJsonAsync("/_sim/faults", new { kind = "Latency", rate = 1.0, durationSeconds = 600, latencyMilliseconds = 1000 })).EnsureSuccessStatusCode();
        var csv = new StringBuilder("template,external_id,orcid\n");
        for (var i = 0; i < Writes; i++)
        {
            csv.AppendLine($"laser-2,failover-{i:D4},{orcid}");
        }
        await ClusterApi.UntilNot503Async(() => api.PostAsync($"/api/v1/tenants/{quiet}/batches?env=sandbox&dryRun=false", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")));
        var holder = await QueueHolderAsync(observer.Services.GetRequiredService<IClusterClient>(), quiet);
        var beforeKill = await WrittenAsync(controls, orcid);
        Assert.True(beforeKill < Writes, $"All {Writes} were written before the kill; nothing was left to fail over.");

        var killedAt = Stopwatch.StartNew();
        holder.Kill();
        output.WriteLine($"Killed {holder.Name} with {beforeKill} of {Writes} written.");
        var calls = HammerTheApiAsync(_cluster.CreateApiClient(timeout: TimeSpan.FromSeconds(60)), busy, busyOrcid, TimeSpan.FromSeconds(25));

        // Writes the dead silo had in flight may still land; then, if nothing wakes the queue, the count stands still.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var atKill = await WrittenAsync(controls, orcid);
        await _cluster.WaitUntilAsync(async () => await WrittenAsync(controls, orcid) > atKill, TimeSpan.FromSeconds(45),
            $"No ORCID write for the quiet tenant after {holder.Name} was killed ({atKill} of {Writes} written).");
        var resumedAfter = killedAt.Elapsed;
        (await faults.DeleteAsync("/_sim/faults")).EnsureSuccessStatusCode();
        await _cluster.WaitUntilAsync(async () => await WrittenAsync(controls, orcid) >= Writes, TimeSpan.FromSeconds(90),
            $"The quiet tenant's writes did not all finish after the failover.");
        output.WriteLine($"Writes resumed {resumedAfter.TotalSeconds:F1} s after the kill; all {Writes} written {killedAt.Elapsed.TotalSeconds:F1} s after it.");

        var answers = await calls;
        output.WriteLine(string.Join(Environment.NewLine, answers.GroupBy(a => (a.Call, a.Status)).Select(g =>
            $"{g.Key.Call}: {(int)g.Key.Status} × {g.Count()}, slowest {g.Max(a => a.Took).TotalSeconds:F1} s")));
        Assert.All(answers, answer => Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.Accepted || answer is { Status: HttpStatusCode.ServiceUnavailable, RetryAfter: true },
            $"{answer.Call} answered {(int)answer.Status}{(answer.RetryAfter ? "" : " without Retry-After")}"));
        Assert.All(answers, answer => Assert.True(answer.Took < CallBound, $"{answer.Call} took {answer.Took.TotalSeconds:F1} s"));
        Assert.Contains(answers, answer => answer.Status is HttpStatusCode.OK or HttpStatusCode.Accepted);

        Assert.Equal(Writes, await WrittenAsync(controls, orcid));
        // What the operator's overview page lists: the killed silo, dead.
        var silos = (await api.GetFromJsonAsync<JsonElement>("/api/v1/operations/cluster")).GetProperty("silos").EnumerateArray();
        Assert.Contains(silos, silo => silo.GetProperty("isDead").GetBoolean()
            && silo.GetProperty("address").GetString()!.StartsWith(_cluster.SiloEndpoints[holder] + "@", StringComparison.Ordinal));
    }

    /// <summary>Single issuances, a profile and the summary of another tenant, one after another, for <paramref name="duration"/>:
    /// each call's status, whether a 503 said when to come back, and how long it took.</summary>
    private static async Task<IReadOnlyList<Answer>> HammerTheApiAsync(HttpClient api, string tenant, string orcid, TimeSpan duration)
    {
        var answers = new List<Answer>();
        var until = Stopwatch.StartNew();
        for (var i = 0; until.Elapsed < duration; i++)
        {
            foreach (var (call, send) in new (string, Func<Task<HttpResponseMessage>>)[]
            {
                ("POST issuances", () => api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances", new { env = "sandbox", templateId = "laser-2", orcid, externalId = $"busy-{i:D4}" })),
                ("GET tenant", () => api.GetAsync($"/api/v1/tenants/{tenant}")),
                ("GET summary", () => api.GetAsync($"/api/v1/tenants/{tenant}/issuing/summary?env=sandbox")),
            })
            {
                var took = Stopwatch.StartNew();
                using var response = await send();
                answers.Add(new Answer(call, response.StatusCode, response.Headers.RetryAfter is not null, took.Elapsed));
            }
        }
        api.Dispose();
        return answers;
    }

    private sealed record Answer(string Call, HttpStatusCode Status, bool RetryAfter, TimeSpan Took);

    /// <summary>The silo process where the tenant's sandbox queue is active.</summary>
    private async Task<ClusterProcess> QueueHolderAsync(IClusterClient grains, string tenant)
    {
        var queue = grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant, OrcidEnvironment.Sandbox));
        var address = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(queue)
            ?? throw new InvalidOperationException($"The queue of {tenant} is not active.");
        return _cluster.SiloEndpoints.Single(silo => silo.Value == address.Endpoint.ToString()).Key;
    }

    private static async Task<int> WrittenAsync(SimulatorControls controls, string orcid) => (await controls.QualificationsAsync(orcid)).Count;

    /// <summary>A new researcher connects through the researcher page and the simulator's authorize page, as a browser would;
    /// on a 503 (a cold process on a loaded machine), another researcher tries again.</summary>
    private async Task<string> ConnectResearcherAsync(string tenant, SimulatorControls controls)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TryConnectResearcherAsync(tenant, controls) is { } orcid)
            {
                return orcid;
            }
            Assert.True(attempt < 3, "Connecting a researcher answered 503 three times.");
        }
    }

    private async Task<string?> TryConnectResearcherAsync(string tenant, SimulatorControls controls)
    {
        var orcid = (await controls.CreateResearcherAsync("Ada", "Lovelace", $"{Guid.NewGuid():N}@example.org")).Orcid;
        await controls.DecideNextConsentAsync(orcid, authorize: true);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _cluster.PortalUrls[_cluster.Portals[0]] };
        using var simulator = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var toOrcid = await browser.GetAsync($"/t/{tenant}/connect?env=sandbox");
        if (toOrcid.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }
        var back = await simulator.GetAsync(toOrcid.Headers.Location);
        var landed = await browser.GetAsync(back.Headers.Location!.PathAndQuery);
        if (landed.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }
        Assert.Equal($"/t/{tenant}?env=sandbox&outcome=connected", landed.Headers.Location?.OriginalString);
        return OrcidId.Parse(orcid).Value;
    }
}
