using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>The Organisation tab checks what ORCID will check: a ROR id's check digits, and a country with a city.</summary>
public sealed class OrganisationSettingsTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task EachFieldSaysWhatIsWrongAndTheRorIdIsSavedAsOrcidHoldsIt()
    {
        var api = Portal.CreateApiClient();
        var consortium = "org-c-" + Guid.NewGuid().ToString("N")[..8];
        var slug = "org-t-" + Guid.NewGuid().ToString("N")[..8];
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Organisation Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "Settings University" })).EnsureSuccessStatusCode();
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{slug}");
        await page.OpenSectionAsync("Organisation");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save organisation" });

        await page.GetByLabel("ROR id").FillAsync("https://ror.org/02mhbdp95");
        await page.GetByLabel("City (optional)").FillAsync("Wellington");
        await save.ClickAsync();
        await Assertions.Expect(page.GetByText("its last two digits (the check digits) do not match")).ToBeVisibleAsync();

        await page.GetByLabel("ROR id").FillAsync("ror.org/02MHBDP94");
        await save.ClickAsync();
        await Assertions.Expect(page.GetByText("ORCID needs the country when a city is given")).ToBeVisibleAsync();

        await page.GetByLabel("Country (optional)").FillAsync("nz");
        await save.ClickAsync();
        await Assertions.Expect(page.GetByText("Organisation saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("ROR id")).ToHaveValueAsync("https://ror.org/02mhbdp94");
        var tenant = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{slug}");
        Assert.Equal(("https://ror.org/02mhbdp94", "Wellington", "NZ"),
            (tenant.GetProperty("rorId").GetString(), tenant.GetProperty("city").GetString(), tenant.GetProperty("country").GetString()));
    }

    [Fact]
    public async Task OfflineTheClientsTabMakesASandboxClientInTheSimulatorInOneClick()
    {
        var api = Portal.CreateApiClient();
        var consortium = "cli-c-" + Guid.NewGuid().ToString("N")[..8];
        var slug = "cli-t-" + Guid.NewGuid().ToString("N")[..8];
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Client Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "One Click University" })).EnsureSuccessStatusCode();
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{slug}");
        await page.OpenSectionAsync("ORCID clients");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create a sandbox client in the simulator" }).ClickAsync();

        await Assertions.Expect(page.GetByText("ORCID sandbox accepted the client; saved.")).ToBeVisibleAsync();
        var saved = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{slug}/clients/sandbox");
        var clientId = saved.GetProperty("clientId").GetString()!;
        await Assertions.Expect(page.GetByTestId("client-sandbox-saved")).ToContainTextAsync(clientId);
        // The simulator knows it, for this organisation's redirect URI: a researcher's Connect reaches its sign-in page.
        var researcherPage = await Portal.NewPageAsync(Browser.Browser);
        await researcherPage.GotoAsync($"/t/{slug}?env=sandbox");
        await researcherPage.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();
        await Assertions.Expect(researcherPage.GetByText("One Click University asks for access to your ORCID record")).ToBeVisibleAsync();
        Assert.Contains(clientId, researcherPage.Url);
    }
}
