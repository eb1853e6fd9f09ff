using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Hosting;

/// <summary>
/// Gives a first run something to look at: a demo member organisation, created once
/// (<c>Consortium:SeedDemoData</c>, on in Development).
/// </summary>
public sealed class DemoDataSeeder(IGrainFactory grains, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public static readonly NewTenant DemoTenant = new("demo", "Demo University", "https://ror.org/02mhbdp94");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ITenantGrain>(TenantKey.For(DemoTenant.Slug)).GetProfileAsync() is not null)
        {
            return;
        }
        await grains.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.TenantDirectoryKey).CreateAsync(DemoTenant);
        logger.LogInformation("Seeded the demo member organisation '{Slug}'", DemoTenant.Slug);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
