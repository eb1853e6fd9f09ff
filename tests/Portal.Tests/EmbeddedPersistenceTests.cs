using Consortium.Grains.Consortia;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;
using Consortium.Portal.Services;
using Consortium.Silo.Storage;
using Microsoft.AspNetCore.DataProtection;
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
            await consortia.CreateTenantAsync(consortiumSlug, new NewTenant(slug, "Second Run University", null), adminEmail: null, Actor);
        }

        await using var secondRun = new PortalFactory { DataDirectory = dataDirectory };
        var listed = await secondRun.CreateApiClient(secondRun.OperatorApiKey).GetStringAsync($"/api/v1/consortia/{consortiumSlug}/tenants");

        Assert.Contains("Second Run University", listed);
        Assert.Contains(slug, listed);
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

    [Fact]
    public async Task DataProtectionKeysLiveInTheDatabaseSoASecondRunDecrypts()
    {
        var dataDirectory = PortalFactory.NewDataDirectory();
        string protectedText;
        await using (var firstRun = new PortalFactory { DataDirectory = dataDirectory })
        {
            firstRun.CreateClient();
            protectedText = Protector(firstRun).Protect("client-secret-1234");
        }

        await using var secondRun = new PortalFactory { DataDirectory = dataDirectory };
        secondRun.CreateClient();

        Assert.Equal("client-secret-1234", Protector(secondRun).Unprotect(protectedText));
        var database = secondRun.Services.GetRequiredService<ConsortiumDatabase>();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM consortium_data_protection_keys";
        Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    private static IDataProtector Protector(PortalFactory portal) =>
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
}
