using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>A new member organisation's overview lists its first steps, ticked from what is really there, until all are done.</summary>
public sealed class OnboardingChecklistTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string[] Steps = ["organisation", "sandbox-client", "template", "test-issuance", "launch-review"];

    [Fact]
    public async Task ANewOrganisationSeesItsFirstStepsAndTicksTheSandboxClientAndATemplateAsItMakesThem()
    {
        var tenant = await Portal.CreateTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser, new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{tenant}");

        await Assertions.Expect(page.GetByTestId("onboarding-checklist")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("onboarding-count")).ToHaveTextAsync("0 of 5 steps done");
        foreach (var step in Steps)
        {
            await Assertions.Expect(page.GetByTestId($"onboarding-{step}")).ToHaveAttributeAsync("data-done", "false");
        }

        // Each step links to where it is done: the sandbox client, in one click at the embedded simulator.
        await page.GetByTestId("onboarding-sandbox-client").ClickAsync();
        await page.WaitForURLAsync($"**/tenants/{tenant}/orcid-clients");
        await page.GetByTestId("client-sandbox").GetByRole(AriaRole.Button, new() { Name = "Create a sandbox client in the simulator" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("client-sandbox-saved")).ToContainTextAsync("validated with ORCID");

        await page.OpenSectionAsync("Templates");
        await page.GetByLabel("Template id").FillAsync("laser-2");
        await page.GetByLabel("Title").First.FillAsync("Laser Safety Level 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-table")).ToContainTextAsync("Laser Safety Level 2");

        await page.GetByTestId("tenant-nav").GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/tenants/{tenant}");
        await Assertions.Expect(page.GetByTestId("onboarding-count")).ToHaveTextAsync("2 of 5 steps done");
        foreach (var (step, done) in Steps.Zip([false, true, true, false, false]))
        {
            await Assertions.Expect(page.GetByTestId($"onboarding-{step}")).ToHaveAttributeAsync("data-done", done ? "true" : "false");
        }

        // On a phone the list fits the screen: nothing scrolls sideways.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByTestId("onboarding-template")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }

    [Fact]
    public async Task OnceEveryStepIsDoneTheListFoldsToSetupComplete()
    {
        var (api, _) = await Portal.SetUpSandboxTenantAsync("done-consortium", "done-org", "Done University", "Laser Safety Level 2");
        var researcher = await Portal.CreateResearcherAsync("Grace", "Hopper", "grace@example.org");
        await Portal.ConnectResearcherAsync("done-org", researcher.Orcid);
        var issued = await (await api.PostAsJsonAsync("/api/v1/tenants/done-org/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid = researcher.Orcid, externalId = "done-1" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = issued.GetProperty("id").GetString();
        await IssuingTenant.WaitUntilAsync(async () =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/done-org/issuances/{id}")).GetProperty("status").GetString() == "in-orcid");

        var page = await Portal.NewPageAsync(Browser.Browser, new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/tenants/done-org");
        await Assertions.Expect(page.GetByTestId("onboarding-count")).ToHaveTextAsync("4 of 5 steps done");
        await Assertions.Expect(page.GetByTestId("onboarding-test-issuance")).ToHaveAttributeAsync("data-done", "true");

        (await api.PostAsync("/api/v1/tenants/done-org/launch-review/approve", null)).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("onboarding-complete")).ToHaveTextAsync("Setup complete: the launch review is approved.");
        await Assertions.Expect(page.GetByTestId("onboarding-checklist")).ToHaveCountAsync(0);
    }
}
