using System.Net.Http.Json;
using Consortium.OrcidSimulator.Controls;
using Npgsql;
using Xunit.Abstractions;

namespace Consortium.Silo.Tests.Cluster;

/// <summary>
/// Issue #19: decisions' audit rows are written by group commit, and no decision is answered before its row is committed. So
/// when the portal process is killed (SIGKILL) in the middle of a burst of verifications, every decision that was answered 2xx
/// has its row in the database: the rows number at least the answers.
/// </summary>
[Collection(ProcessCluster.Collection)]
public sealed class AuditAfterKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Callers = 16;
    private ProcessCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ProcessCluster.StartAsync(silos: 1, portals: 1);

    public async Task DisposeAsync()
    {
        output.WriteLine($"Process logs: {_cluster.LogDirectory}");
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task EveryDecisionAnsweredBeforeTheKillHasItsAuditRow()
    {
        using var api = _cluster.CreateApiClient(timeout: TimeSpan.FromSeconds(60));
        using var controls = new SimulatorControls(_cluster.SimulatorUrl);
        var tenant = await ClusterApi.IssuingTenantAsync(api, controls);
        await ClusterApi.UntilNot503Async(() => api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/trust-rules/laser",
            new { title = "Laser Safety Level 2", trust = new { ownClient = true } }));
        var orcid = (await controls.CreateResearcherAsync("Ada", "Lovelace", $"{Guid.NewGuid():N}@example.org")).Orcid;
        // The first decision reads the record from ORCID; the burst then runs on the warm path, where group commit matters.
        await ClusterApi.UntilNot503Async(() => Verify(api, tenant, orcid));

        var answered = 0;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            using var caller = _cluster.CreateApiClient(timeout: TimeSpan.FromSeconds(10));
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await Verify(caller, tenant, orcid);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref answered);
                    }
                }
                catch (Exception) when (stop.IsCancellationRequested || !_cluster.Portals[0].IsRunning)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                    // The kill cut this call off: it was never answered.
                    return;
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));

        _cluster.Portals[0].Kill();
        var answeredBeforeKill = Volatile.Read(ref answered);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        var rows = await AuditRowsAsync(tenant);
        output.WriteLine($"{answered} decisions answered 2xx ({answeredBeforeKill} when the kill was sent); {rows} audit rows.");
        Assert.True(answered > Callers, $"Only {answered} decisions were answered before the kill: the burst did not run.");
        // The first, cold decision has its row too.
        Assert.True(rows >= answered + 1, $"{answered + 1} decisions were answered but only {rows} audit rows survived the kill.");
    }

    private static Task<HttpResponseMessage> Verify(HttpClient api, string tenant, string orcid) =>
        api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/verifications", new { env = "sandbox", orcid, ruleId = "laser" });

    private async Task<long> AuditRowsAsync(string tenant)
    {
        await using var dataSource = NpgsqlDataSource.Create(_cluster.Database.ConnectionString);
        await using var count = dataSource.CreateCommand("SELECT COUNT(*) FROM consortium_audit WHERE tenant = @tenant AND action = 'verification.decided'");
        count.Parameters.AddWithValue("tenant", tenant);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
