using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Silo.Hosting;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace Consortium.Silo.Tests.Hosting;

/// <summary>Cluster mode: two silo processes' worth of hosts and a client, all on one PostgreSQL database.</summary>
public sealed class PostgresClusterTests : IAsyncLifetime
{
    private readonly List<IHost> _hosts = [];
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GrainIsServedByTheOtherSiloWithItsStateAfterItsSiloStops()
    {
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var silos = new[] { await StartAsync(HostingMode.Cluster, clusterId), await StartAsync(HostingMode.Cluster, clusterId) };
        var client = (await StartAsync(HostingMode.Client, clusterId)).Services.GetRequiredService<IClusterClient>();
        Assert.Equal(2, (await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count);

        var slug = $"org-{Guid.NewGuid():N}"[..30];
        var consortium = await client.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key)
            .CreateAsync(new NewConsortium($"cons-{Guid.NewGuid():N}"[..30], "Failover Consortium"));
        var created = await client.GetGrain<IConsortiumGrain>(ConsortiumKey.For(consortium.Slug))
            .CreateTenantAsync(new NewTenant(slug, "Failover University", null));
        var tenant = client.GetGrain<ITenantGrain>(TenantKey.For(slug));
        var hostingSilo = await client.GetGrain<IManagementGrain>(0).GetActivationAddress(tenant);

        var owner = silos.Single(silo => SiloAddressOf(silo).Equals(hostingSilo));
        var survivor = silos.Single(silo => silo != owner);
        await owner.StopAsync();

        Assert.Equal(created, await tenant.GetProfileAsync());
        Assert.Equal(SiloAddressOf(survivor), await client.GetGrain<IManagementGrain>(0).GetActivationAddress(tenant));
    }

    private async Task<IHost> StartAsync(HostingMode mode, string clusterId)
    {
        var host = await ConsortiumHosts.StartAsync(mode, _database.ConnectionString, clusterId);
        _hosts.Add(host);
        return host;
    }

    private static SiloAddress SiloAddressOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
}
