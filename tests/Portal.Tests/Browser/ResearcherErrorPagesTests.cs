using System.Net;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>
/// A researcher who follows a link to a suspended organisation or to a certificate that does not exist sees a plain
/// researcher page that says so, with a 404 status, never the staff console's navigation or staff sign-in.
/// </summary>
public sealed class ResearcherErrorPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task ASuspendedOrganisationsResearcherPageUsesTheResearcherLayout()
    {
        var tenant = await Portal.CreateTenantAsync();
        using var api = Portal.CreateApiClient();
        (await api.PostAsync($"/api/v1/consortia/{tenant.Replace("org-", "cons-")}/tenants/{tenant}/suspend", null)).EnsureSuccessStatusCode();
        var page = await Portal.NewPageAsync(Browser.Browser);

        var response = await page.GotoAsync($"/t/{tenant}?env=sandbox");

        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)response!.Status);
        await AssertResearcherNotFoundAsync(page);
    }

    [Fact]
    public async Task AnUnknownCertificateUsesTheResearcherLayout()
    {
        var tenant = await Portal.CreateTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser);

        var response = await page.GotoAsync($"/t/{tenant}/certificates/no-such-certificate");

        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)response!.Status);
        await AssertResearcherNotFoundAsync(page);
    }

    private static async Task AssertResearcherNotFoundAsync(IPage page)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not available" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main.researcher-page")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Sign in with ORCID")).ToHaveCountAsync(0);
    }
}
