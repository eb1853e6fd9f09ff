using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Consortium.Silo.Tests.Cluster;

/// <summary>The harness itself: a silo process killed and started again on its ports rejoins, and the cluster keeps
/// its dead incarnation as dead (in the membership table and on the portal's overview page).</summary>
[Collection(ProcessCluster.Collection)]
public sealed class ProcessClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ASiloKilledAndStartedAgainRejoinsAndItsFormerSelfIsListedDead()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 2, portals: 1);
        output.WriteLine($"Process logs: {cluster.LogDirectory}");
        var silo = cluster.Silos[0];
        var endpoint = cluster.SiloEndpoints[silo];
        var before = Assert.Single(await cluster.MembershipAsync(), m => m.Endpoint == endpoint);

        silo.Kill();
        Assert.False(silo.IsRunning);
        await cluster.StartSiloAsync(silo);

        var rows = (await cluster.MembershipAsync()).Where(m => m.Endpoint == endpoint).ToList();
        Assert.Equal(SiloMembership.Dead, Assert.Single(rows, m => m.Generation == before.Generation).Status);
        Assert.Equal(SiloMembership.Active, Assert.Single(rows, m => m.Generation != before.Generation).Status);
        using var api = cluster.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready")).StatusCode);
        // What the operator's overview page lists.
        var silos = (await api.GetFromJsonAsync<JsonElement>("/api/v1/operations/cluster")).GetProperty("silos").EnumerateArray().ToList();
        Assert.Single(silos, silo => silo.GetProperty("isDead").GetBoolean() && silo.GetProperty("address").GetString()!.StartsWith(endpoint + "@", StringComparison.Ordinal));
        Assert.Equal(2, silos.Count(silo => !silo.GetProperty("isDead").GetBoolean()));
    }
}
