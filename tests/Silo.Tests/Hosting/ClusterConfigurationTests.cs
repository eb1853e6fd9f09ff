using System.Net;
using Consortium.Silo.Email;
using Consortium.Silo.Hosting;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Consortium.Silo.Tests.Hosting;

/// <summary>What a cluster silo advertises in the membership table, and what it refuses to start without.</summary>
public sealed class ClusterConfigurationTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ASiloAdvertisesTheConfiguredAddress()
    {
        // Loopback, which the silo would never pick by itself on a machine with a network: only configuration gives it.
        var configured = IPAddress.Loopback;

        var advertised = await AdvertisedInMembershipAsync(new() { ["Orleans:AdvertisedIPAddress"] = configured.ToString() });

        Assert.Equal(configured, advertised);
    }

    [Fact]
    public async Task ASiloWithoutAConfiguredAddressAdvertisesTheHostsOwn()
    {
        var own = AdvertisedAddress.FirstHostAddress();

        var advertised = await AdvertisedInMembershipAsync([]);

        // This machine has a network address; on one without, the silo falls back to loopback (and warns).
        Assert.NotNull(own);
        Assert.False(IPAddress.IsLoopback(own));
        Assert.Equal(own, advertised);
    }

    [Fact]
    public async Task ASiloStartedWithoutConfigurationRefusesNamingEveryMissingSetting()
    {
        // As the silo executable starts with no configuration but its mode.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Orleans:Mode"] = "Cluster" });
        builder.AddConsortiumOrleans();
        builder.AddEmail();
        using var silo = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => silo.StartAsync());

        Assert.Equal(
        [
            "ConnectionStrings:Consortium", "DataProtection:KeyEncryptionKey",
            "Orcid:Sandbox:OAuthUrl", "Orcid:Sandbox:MemberApiUrl", "Orcid:Sandbox:PublicApiUrl",
            "Orcid:Production:OAuthUrl", "Orcid:Production:MemberApiUrl", "Orcid:Production:PublicApiUrl", "Email:Delivery",
        ], refused.Failures.Select(failure => failure[..failure.IndexOf(" is not set", StringComparison.Ordinal)]));
    }

    /// <summary>Starts a silo of a cluster of its own and reads its entry from the membership table, through the cluster.</summary>
    private async Task<IPAddress> AdvertisedInMembershipAsync(Dictionary<string, string?> settings)
    {
        using var silo = await ConsortiumHosts.StartAsync(HostingMode.Cluster, _database.ConnectionString, $"address-{Guid.NewGuid():N}", settings);
        try
        {
            var hosts = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
            var entry = Assert.Single(hosts);
            Assert.Equal(silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress, entry.SiloAddress);
            return entry.SiloAddress.Endpoint.Address;
        }
        finally
        {
            await silo.StopAsync();
        }
    }
}
