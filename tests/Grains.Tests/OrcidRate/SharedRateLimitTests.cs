using Consortium.OrcidSimulator.State;

namespace Consortium.Grains.Tests.OrcidRate;

/// <summary>ORCID's limit per client (24 requests a second, bursts of 40) holds for the whole cluster, as the simulator
/// counts the requests: silos sending for one client share one bucket instead of each sending 24 a second.</summary>
public sealed class SharedRateLimitTests
{
    private const int PerSecond = 24;
    private const int Burst = 40;

    [Fact]
    public async Task TwoSilosWritingForOneClientTogetherDrawNoRateLimit503()
    {
        await using var cluster = await SharedRateLimitCluster.StartAsync(silos: 2);

        var written = await Task.WhenAll(cluster.Cluster.Silos.Select((silo, i) => cluster.WriteAsync(silo, $"silo-{i}", 120)));
        var traffic = await cluster.Controls.TrafficAsync(cluster.Access.ClientId);

        Assert.All(written, batch => Assert.Equal(120, batch.Length));
        Assert.Equal(0, traffic.RateLimited);
        Assert.Equal(240, traffic.Accepted);
        AssertWithinOrcidsBucket(traffic);
    }

    [Fact]
    public async Task AfterTheBucketsSiloIsKilledTheBucketComesBackElsewhereWithoutABurstBeyondOrcids()
    {
        await using var cluster = await SharedRateLimitCluster.StartAsync(silos: 2);
        var doomed = await cluster.BucketSiloAsync();
        var survivor = cluster.Cluster.Silos.Single(silo => silo != doomed);

        // Both silos hold leases and ORCID's bucket is drained when the bucket's silo dies mid-way.
        var before = cluster.WriteAsync(survivor, "before", 100);
        var lost = cluster.WriteAsync(doomed, "lost", 100);
        while ((await cluster.Controls.TrafficAsync(cluster.Access.ClientId)).Accepted < 80)
        {
            await Task.Delay(20);
        }
        await cluster.Cluster.KillSiloAsync(doomed);
        var after = await cluster.WriteAsync(survivor, "after", 60);
        await before;
        var traffic = await cluster.Controls.TrafficAsync(cluster.Access.ClientId);

        Assert.Equal(60, after.Length);
        Assert.NotEqual(doomed.SiloAddress, (await cluster.BucketSiloAsync()).SiloAddress);
        Assert.Equal(0, traffic.RateLimited);
        AssertWithinOrcidsBucket(traffic);
        _ = lost.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>What ORCID's bucket lets through from the first request to the last: its burst, and 24 a second after that.</summary>
    private static void AssertWithinOrcidsBucket(ClientTraffic traffic)
    {
        var span = (traffic.LastAcceptedAt!.Value - traffic.FirstAcceptedAt!.Value).TotalSeconds;
        Assert.InRange(traffic.Accepted, 1, Burst + PerSecond * span);
    }
}
