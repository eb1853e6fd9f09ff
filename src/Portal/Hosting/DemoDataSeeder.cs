using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Hosting;

/// <summary>
/// Gives a first run something to look at: a demo consortium with one member organisation, created once
/// (<c>Consortium:SeedDemoData</c>, on in Development).
/// </summary>
public sealed class DemoDataSeeder(IGrainFactory grains, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public static readonly NewConsortium DemoConsortium = new("demo-consortium", "Demo Consortium");

    public static readonly NewTenant DemoTenant = new("demo", "Demo University", "https://ror.org/02mhbdp94");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var consortium = grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(DemoConsortium.Slug));
        if (await consortium.GetProfileAsync() is not null)
        {
            return;
        }
        await grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key).CreateAsync(DemoConsortium);
        await consortium.CreateTenantAsync(DemoTenant);
        logger.LogInformation("Seeded the demo consortium '{Consortium}' with member organisation '{Tenant}'", DemoConsortium.Slug, DemoTenant.Slug);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
