using Consortium.Grains.Tenants;
using Consortium.Portal.Hosting;
using Consortium.Portal.Services;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests;

public sealed class EmbeddedPersistenceTests
{
    [Fact]
    public async Task TenantCreatedInOneRunIsListedInTheNext()
    {
        var dataDirectory = PortalFactory.NewDataDirectory();
        var slug = $"org-{Guid.NewGuid():N}"[..24];
        await using (var firstRun = new PortalFactory { DataDirectory = dataDirectory })
        {
            firstRun.CreateClient();
            await firstRun.Services.GetRequiredService<TenantService>().CreateAsync(new NewTenant(slug, "Second Run University", null));
        }

        await using var secondRun = new PortalFactory { DataDirectory = dataDirectory };
        var html = await secondRun.CreateClient().GetStringAsync("/tenants");

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
            var tenants = await portal.Services.GetRequiredService<TenantService>().ListAsync();
            Assert.Equal(DemoDataSeeder.DemoTenant.Slug, Assert.Single(tenants).Slug);
        }
    }
}
