using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Security;

/// <summary>Issue #18: where the installation runs (its hosts, the database file's path) is shown to its operator only; an
/// anonymous visitor of the overview page learns none of it.</summary>
public sealed class OverviewPageTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private readonly PortalServer _portal = portal.Server;

    [Fact]
    public async Task AnAnonymousVisitorSeesAWelcomeAndNoClusterOrStorageDetails()
    {
        using var anonymous = new HttpClient { BaseAddress = _portal.BaseAddress };

        var html = await anonymous.GetStringAsync("/");

        Assert.Contains("data-testid=\"welcome\"", html);
        Assert.DoesNotContain("data-testid=\"storage-kind\"", html);
        Assert.DoesNotContain("data-testid=\"hosting-mode\"", html);
        Assert.DoesNotContain(".db", html);
    }

    [Fact]
    public async Task TheOperatorSeesTheHostingModeStorageAndSilosOnThePageAndThroughTheApi()
    {
        using var browser = new StaffBrowserSession(_portal);
        await browser.SignInAsync("%2F");
        using var api = _portal.CreateApiClient();

        var html = await browser.Http.GetStringAsync("/");
        var status = await api.GetFromJsonAsync<JsonElement>("/api/v1/operations/cluster");

        Assert.Contains("""data-testid="hosting-mode">Embedded<""", html);
        Assert.Contains("""data-testid="storage-kind">SQLite<""", html);
        Assert.DoesNotContain("data-testid=\"welcome\"", html);
        Assert.Equal("SQLite", status.GetProperty("storageKind").GetString());
        var silo = Assert.Single(status.GetProperty("silos").EnumerateArray());
        Assert.False(silo.GetProperty("isDead").GetBoolean());
    }
}
