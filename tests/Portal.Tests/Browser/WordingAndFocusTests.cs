using System.Net;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>Small things a new user noticed: counts in the right number, clickable mailbox links, no focus box on headings.</summary>
public sealed class WordingAndFocusTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task OneIssuanceIsCountedAsOneIssuance()
    {
        var tenant = await Portal.CreateTenantAsync();
        using var api = Portal.CreateApiClient();
        var (clientId, clientSecret) = await Portal.RegisterSandboxClientAsync(tenant);
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/templates/laser-2", new { title = "Laser Safety Level 2" })).EnsureSuccessStatusCode();
        var issued = await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", email = "one@example.org", externalId = "one-1" });
        Assert.True(issued.StatusCode == HttpStatusCode.Accepted, await issued.Content.ReadAsStringAsync());
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{tenant}");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.OpenSectionAsync("Issuing");

        var summary = page.GetByTestId("issuing-summary");
        await Assertions.Expect(summary).ToContainTextAsync("1 issuance");
        await Assertions.Expect(summary).Not.ToContainTextAsync("1 issuances");
    }

    [Fact]
    public async Task TheMailboxShowsTheLinksInAnEmailAsLinks()
    {
        var tenant = await Portal.CreateTenantAsync();
        using var api = Portal.CreateApiClient();
        (await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/invitations", new { email = "colleague@example.org" })).EnsureSuccessStatusCode();
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/mailbox");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.GetByText("You are invited to administer").ClickAsync();

        var link = page.GetByTestId("mail-body").GetByRole(AriaRole.Link);
        await Assertions.Expect(link).ToHaveCountAsync(1);
        var href = await link.GetAttributeAsync("href");
        Assert.Matches($"^{Regex.Escape(Portal.BaseAddress.ToString())}invitations/\\S+[^.]$", href);
        await Assertions.Expect(link).ToHaveTextAsync(href!);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/t/{tenant}?env=sandbox")]
    public async Task ThePageHeadingHasFocusButNoFocusBox(string path)
    {
        var tenant = await Portal.CreateTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser);

        await page.GotoAsync(path.Replace("{tenant}", tenant));

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToBeFocusedAsync();
        Assert.Equal("none", await heading.EvaluateAsync<string>("h => getComputedStyle(h).outlineStyle"));
    }
}
