using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>Staff rotate the organisation's badge signing key on its settings page, after a confirm, and see every key.</summary>
public sealed class BadgeKeysPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task RotatingAsksFirstThenAddsAKeyThatIsCurrentWhileTheOldOnesStayPublished()
    {
        var slug = await Portal.CreateTenantAsync();
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{slug}");
        await page.OpenSectionAsync("Badge signing");
        var table = page.GetByTestId("badge-key-table");
        var rotate = page.GetByRole(AriaRole.Button, new() { Name = "Rotate signing key" });
        await Assertions.Expect(table).ToContainTextAsync("No key yet");

        await rotate.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(table).ToContainTextAsync("No key yet");
        await rotate.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate", Exact = true }).ClickAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await rotate.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate", Exact = true }).ClickAsync();

        var rows = table.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("current");
        await Assertions.Expect(rows.Nth(0)).Not.ToContainTextAsync("current");
        using var anonymous = new HttpClient { BaseAddress = Portal.BaseAddress };
        var jwks = await anonymous.GetFromJsonAsync<JsonElement>($"/t/{slug}/.well-known/jwks.json");
        var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Equal(2, kids.Count);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync(kids[1]!);
        using var api = Portal.CreateApiClient();
        var audit = await api.GetStringAsync($"/api/v1/tenants/{slug}/audit");
        Assert.Equal(2, audit.Split("badges.key-rotated").Length - 1);
    }
}
