using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>A researcher signed in through ORCID shows an Open Badge on the prove page, and the rule's decision uses it.</summary>
public sealed class BadgeProofPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Tenant = "badge-org";

    [Fact]
    public async Task AResearcherUploadsTheirBadgeJwtOrBakedPngAndARuleThatAcceptsOnlyBadgesAllows()
    {
        var api = Portal.CreateApiClient();
        var orcid = await IssuingTenantAsync(api);
        var issuance = await IssueAsync(api, orcid, "badge-proof-1");
        var certificate = issuance.GetProperty("certificateId").GetString();
        var folder = Directory.CreateTempSubdirectory("badge-proof-");
        var jwtFile = Path.Combine(folder.FullName, "badge.jwt");
        var pngFile = Path.Combine(folder.FullName, "badge.png");
        await File.WriteAllTextAsync(jwtFile, await api.GetStringAsync($"/t/{Tenant}/certificates/{certificate}/credential"));
        await File.WriteAllBytesAsync(pngFile, await api.GetByteArrayAsync($"/t/{Tenant}/certificates/{certificate}/credential?format=png"));
        // Badges only: the qualification on the ORCID record does not count, the badge does.
        (await api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/trust-rules/laser-badge", new
        {
            title = "Laser Safety Level 2",
            trust = new { ownClient = false, trustedIssuers = new[] { $"{Portal.BaseAddress}t/{Tenant}/issuer" } },
        })).EnsureSuccessStatusCode();
        var page = await Portal.NewPageAsync(Browser.Browser);

        await page.GotoAsync($"/t/{Tenant}/prove/laser-badge?env=sandbox");
        await Portal.DecideNextConsentAsync(orcid, "authorize");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID to check" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-decision", "deny");
        await page.GetByLabel("Badge file").SetInputFilesAsync(jwtFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my badge" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-decision", "allow");
        await Assertions.Expect(page.GetByTestId("badge-verdict")).ToHaveAttributeAsync("data-matched", "true");
        await Assertions.Expect(page.GetByTestId("verdict")).ToContainTextAsync("Allowed by the Open Badge \"Laser Safety Level 2\" from Badge University.");

        await page.GetByLabel("Badge file").SetInputFilesAsync(pngFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my badge" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("badge-verdict")).ToContainTextAsync("A VC-JWT signed with RS256.");
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-decision", "allow");
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ABadgeAwardedToAnotherIdDoesNotCountForTheSignedInResearcher()
    {
        var api = Portal.CreateApiClient();
        var holder = await IssuingTenantAsync(api);
        var certificate = (await IssueAsync(api, holder, "badge-proof-2")).GetProperty("certificateId").GetString();
        var jwtFile = Path.Combine(Directory.CreateTempSubdirectory("badge-proof-").FullName, "someone-elses.jwt");
        await File.WriteAllTextAsync(jwtFile, await api.GetStringAsync($"/t/{Tenant}/certificates/{certificate}/credential"));
        (await api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/trust-rules/laser-badge", new
        {
            title = "Laser Safety Level 2",
            trust = new { ownClient = false, trustedIssuers = new[] { $"{Portal.BaseAddress}t/{Tenant}/issuer" } },
        })).EnsureSuccessStatusCode();
        var (other, _) = await Portal.CreateResearcherAsync("Grace", "Hopper", "hopper@example.org");
        var page = await Portal.NewPageAsync(Browser.Browser);

        await page.GotoAsync($"/t/{Tenant}/prove/laser-badge?env=sandbox");
        await Portal.DecideNextConsentAsync(other, "authorize");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID to check" }).ClickAsync();
        await page.GetByLabel("Badge file").SetInputFilesAsync(jwtFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my badge" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("badge-verdict")).ToHaveAttributeAsync("data-reason", "subject-mismatch");
        await Assertions.Expect(page.GetByTestId("badge-verdict")).ToHaveAttributeAsync("data-matched", "false");
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-decision", "deny");
        File.Delete(jwtFile);
    }

    /// <summary>The organisation issues laser-2 in sandbox; a researcher connects to it. Answers the researcher's iD.</summary>
    private async Task<string> IssuingTenantAsync(HttpClient api)
    {
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "badge-consortium", name = "Badge Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/badge-consortium/tenants", new { slug = Tenant, name = "Badge University" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/organisation",
            new { name = "Badge University", rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/templates/laser-2",
            new { title = "Laser Safety Level 2", department = "Radiation Protection Office", validityMonths = 24 })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await Portal.RegisterSandboxClientAsync("Badge University");
        (await api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        var (orcid, _) = await Portal.CreateResearcherAsync("Chien-Shiung", "Wu", "wu@example.org");
        await Portal.ConnectResearcherAsync(Tenant, orcid);
        return orcid;
    }

    private static async Task<JsonElement> IssueAsync(HttpClient api, string orcid, string externalId)
    {
        (await api.PostAsJsonAsync($"/api/v1/tenants/{Tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid, externalId })).EnsureSuccessStatusCode();
        JsonElement issuance = default;
        await IssuingTenant.WaitUntilAsync(async () =>
            (issuance = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/issuances/sandbox.{externalId}")).GetProperty("status").GetString() == "in-orcid");
        return issuance;
    }
}
