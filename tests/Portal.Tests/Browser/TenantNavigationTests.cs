using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>A member organisation's admin pages: a left-hand navigation of sub-pages whose address keeps the place, on a
/// laptop beside the page and on a phone in the drawer.</summary>
public sealed class TenantNavigationTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task OnALaptopEachSectionIsASubPageThatAReloadAndAnOldTabLinkKeep()
    {
        var tenant = await Portal.CreateTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser, new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{tenant}");

        var nav = page.GetByTestId("tenant-nav");
        await Assertions.Expect(nav).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" })).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(nav.GetByRole(AriaRole.Heading)).ToHaveTextAsync(["Work", "Setup", "Access", "Go live"]);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link)).ToHaveCountAsync(15);

        await page.OpenSectionAsync("Branding");
        Assert.EndsWith($"/tenants/{tenant}/branding", page.Url);
        await Assertions.Expect(page.GetByLabel("Display name")).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Branding", Exact = true })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));

        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("section-title")).ToHaveTextAsync("Branding");

        // Nothing scrolls sideways at this width: every section is in the navigation, none behind a scroll arrow.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Audit log", Exact = true })).ToBeInViewportAsync();

        // The consortium dashboard once linked to ?tab=launch: it lands on the launch review's own address.
        await page.GotoAsync($"/tenants/{tenant}?tab=launch");
        await page.WaitForURLAsync($"**/tenants/{tenant}/launch-review");
        await Assertions.Expect(page.GetByTestId("section-title")).ToHaveTextAsync("Launch review");

        await page.GotoAsync($"/tenants/{tenant}/no-such-section");
        await Assertions.Expect(page.GetByText("There is nothing at this address")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhoneTheSectionsAreInTheDrawer()
    {
        var tenant = await Portal.CreateTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser, new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{tenant}");

        var nav = page.GetByTestId("tenant-nav");
        await Assertions.Expect(nav).Not.ToBeInViewportAsync();
        // The menu button says whether the drawer is open; on a phone it is closed until the button opens it.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(nav).ToBeInViewportAsync();
        await page.OpenSectionAsync("Team");
        Assert.EndsWith($"/tenants/{tenant}/team", page.Url);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }
}
