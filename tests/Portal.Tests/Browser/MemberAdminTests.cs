using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

public sealed partial class MemberAdminTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task InvitedAdminSetsUpTheirOrganisationAndTheAuditLogShowsEachStep()
    {
        var api = Portal.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "admin-consortium", name = "Admin Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/admin-consortium/tenants", new { slug = "lab-two", name = "Laboratory Two" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/tenants/lab-two/invitations", new { email = "admin@lab-two.example" })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await Portal.RegisterSandboxClientAsync("Laboratory Two");
        var admin = await Portal.CreateResearcherAsync("Ada", "Admin", "admin@lab-two.example");

        // The admin opens the invitation in their email and signs in with ORCID.
        var page = await Portal.NewPageAsync(Browser.Browser);
        await page.GotoAsync(InvitationLink().Match(await TestMailbox.BodyAsync(Portal.Services, "You are invited to administer Laboratory Two on Consortium")).Value);
        await OrcidSignInPage.SignInAsync(page, "admin@lab-two.example", admin.Password);
        await Assertions.Expect(page.GetByTestId("invitation-accepted")).ToHaveTextAsync("You are now admin of member organisation 'lab-two'.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        // Continue reloads the page: wait for the new one, since the invitation page is interactive too and a click before is lost.
        await page.WaitForURLAsync("**/tenants/lab-two");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        // ORCID clients: a wrong secret is refused by ORCID and explained; the right one is saved as a hint.
        await page.OpenSectionAsync("ORCID clients");
        await Assertions.Expect(page.GetByLabel("Redirect URI")).ToHaveValueAsync($"{Portal.BaseAddress}t/lab-two/orcid/callback");
        await page.GetByLabel("sandbox client id").FillAsync(clientId);
        await page.GetByLabel("sandbox client secret").FillAsync("wrong-secret-1234");
        await page.GetByTestId("client-sandbox").GetByRole(AriaRole.Button, new() { Name = "Validate and save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("ORCID sandbox did not accept this client id and secret")).ToBeVisibleAsync();
        await page.GetByLabel("sandbox client secret").FillAsync(clientSecret);
        await page.GetByTestId("client-sandbox").GetByRole(AriaRole.Button, new() { Name = "Validate and save" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("client-sandbox-saved")).ToContainTextAsync($"{clientId}, secret …{clientSecret[^4..]}");

        // Branding, then an API key shown once.
        await page.OpenSectionAsync("Branding");
        await page.GetByLabel("Display name").FillAsync("Lab Two");
        await page.GetByLabel("Primary colour").FillAsync("#123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save branding" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Branding saved.")).ToBeVisibleAsync();
        await page.OpenSectionAsync("API keys");
        await page.GetByLabel("Key name").FillAsync("hr-system");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-api-key")).ToContainTextAsync("ck.lab-two.");

        await page.OpenSectionAsync("Team");
        await Assertions.Expect(page.GetByTestId("team-table")).ToContainTextAsync($"{Portal.Production}{admin.Orcid}");

        await page.OpenSectionAsync("Audit log");
        var audit = page.GetByTestId("audit-table");
        foreach (var action in new[] { "api-key.created", "branding.updated", "orcid-client.saved", "invitation.accepted", "invitation.sent", "tenant.created" })
        {
            await Assertions.Expect(audit.GetByText(action, new() { Exact = true })).ToBeVisibleAsync();
        }
        await Assertions.Expect(audit.Locator("tbody tr").First).ToContainTextAsync("Ada Admin");
    }

    [GeneratedRegex("http\\S+/invitations/\\S+")]
    private static partial Regex InvitationLink();
}
