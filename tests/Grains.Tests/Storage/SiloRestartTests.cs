using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Orleans.Hosting;

namespace Consortium.Grains.Tests.Storage;

/// <summary>Embedded mode's promise: what is stored in the SQLite file outlives the silo.</summary>
public sealed class SiloRestartTests : IAsyncLifetime
{
    private SqliteTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await SqliteTestCluster.StartAsync(silo => silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task TenantStateAndRemindersSurviveASiloRestart()
    {
        var slug = UniqueSlug.New();
        var consortium = await TestConsortia.CreateAsync(_cluster.Client);
        var created = await consortium.CreateTenantAsync(new NewTenant(slug, "Restart University", "02mhbdp94"));
        var probeKey = $"probe-{Guid.NewGuid():N}";
        // Due after the restart below has begun, so the tick can only come from the reminder row in SQLite.
        await _cluster.Client.GetGrain<IReminderProbeGrain>(probeKey).StartAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));
        Assert.Equal(1L, await CountReminderRowsAsync());

        var oldSilo = Assert.Single(_cluster.Cluster.Silos);
        var oldIdentity = oldSilo.SiloAddress.ToString();
        await _cluster.Cluster.RestartSiloAsync(oldSilo);
        await _cluster.Cluster.InitializeClientAsync();

        var newSilo = Assert.Single(_cluster.Cluster.Silos);
        Assert.NotEqual(oldIdentity, newSilo.SiloAddress.ToString());
        Assert.Equal(created, await _cluster.Client.GetGrain<ITenantGrain>(TenantKey.For(slug)).GetProfileAsync());
        // Grain references belong to a client: the restart replaced it.
        var consortiumAfterRestart = _cluster.Client.GetGrain<IConsortiumGrain>(consortium.GetPrimaryKeyString());
        Assert.Equal(created, Assert.Single(await consortiumAfterRestart.ListTenantsAsync()));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var tick = await ReminderProbeGrain.Ticks.Reader.ReadAsync(timeout.Token);
        Assert.Equal(probeKey, tick.Key);
        Assert.Equal(newSilo.SiloAddress.ToString(), tick.Silo);
    }

    private async Task<long> CountReminderRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_cluster.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansRemindersTable";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
