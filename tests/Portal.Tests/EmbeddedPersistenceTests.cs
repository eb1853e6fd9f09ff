using Consortium.Grains.Consortia;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;
using Consortium.Portal.Services;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests;

public sealed class EmbeddedPersistenceTests
{
    private static readonly AuditActor Actor = new("test", null);

    [Fact]
    public async Task TenantCreatedInOneRunIsListedInTheNext()
    {
        var dataDirectory = PortalFactory.NewDataDirectory();
        var consortiumSlug = $"cons-{Guid.NewGuid():N}"[..24];
        var slug = $"org-{Guid.NewGuid():N}"[..24];
        await using (var firstRun = new PortalFactory { DataDirectory = dataDirectory })
        {
            firstRun.CreateClient();
            var consortia = firstRun.Services.GetRequiredService<ConsortiumService>();
            await consortia.CreateAsync(new NewConsortium(consortiumSlug, "Restart Consortium"), Actor);
            await consortia.CreateTenantAsync(consortiumSlug, new NewTenant(slug, "Second Run University", null), Actor);
        }

        await using var secondRun = new PortalFactory { DataDirectory = dataDirectory };
        var html = await secondRun.CreateClient().GetStringAsync($"/consortia/{consortiumSlug}");

        Assert.Contains("Second Run University", html);
        Assert.Contains(slug, html);
    }

    [Fact]
    public async Task DemoDataIsSeededOnceWhenAskedFor()
    {
        var dataDirectory = PortalFactory.NewDataDirectory();
        for (var run = 0; run < 2; run++)
        {
            await using var portal = new PortalFactory { DataDirectory = dataDirectory, SeedDemoData = true };
            portal.CreateClient();
            var consortia = portal.Services.GetRequiredService<ConsortiumService>();
            Assert.Equal(DemoDataSeeder.DemoConsortium.Slug, Assert.Single(await consortia.ListAsync()).Slug);
            var tenants = await consortia.ListTenantsAsync(DemoDataSeeder.DemoConsortium.Slug);
            Assert.Equal(DemoDataSeeder.DemoTenant.Slug, Assert.Single(tenants).Slug);
        }
    }
}
