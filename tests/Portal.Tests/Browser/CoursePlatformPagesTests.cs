using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>The member admin's side of course platforms: the webhook secret shown once, a course mapped to a template, and the
/// claim a completion made, listed on the Issuing page and counted in the course's figures.</summary>
public sealed class CoursePlatformPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AnAdminMakesTheSecretMapsACourseAndSeesTheClaimACompletionMade()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{links.Tenant}");
        await page.OpenSectionAsync("Course platforms");
        await Assertions.Expect(page.GetByTestId("webhook-url-sandbox")).ToHaveTextAsync($"{Portal.BaseAddress}hooks/{links.Tenant}/completions?env=sandbox");

        await page.GetByRole(AriaRole.Button, new() { Name = "Make the secret" }).ClickAsync();
        var secret = (await page.GetByTestId("new-webhook-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("whsec_", secret);
        await Assertions.Expect(page.GetByText($"Secret: …{secret[^4..]}")).ToBeVisibleAsync();

        await page.GetByLabel("Course id on the platform").FillAsync("LS-101");
        await page.GetByLabel("Template").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = ClaimLinks.Title }).ClickAsync();
        // The choice is taken once the list has closed.
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Map course" }).ClickAsync();
        var mapped = page.GetByTestId("course-table").Locator("tbody tr");
        await Assertions.Expect(mapped).ToHaveCountAsync(1);
        await Assertions.Expect(mapped.Locator("td").Nth(0)).ToHaveTextAsync("LS-101");
        await Assertions.Expect(mapped.Locator("td").Nth(1)).ToHaveTextAsync(ClaimLinks.Title);

        // The platform reports a completion, signed with the secret the admin copied.
        var body = JsonSerializer.Serialize(new { course = new { id = "LS-101", name = "Laser Safety" }, learner = new { email = "nia@example.org", lmsUserId = "77" } });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var platform = new HttpClient { BaseAddress = Portal.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{links.Tenant}/completions?env=sandbox") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Consortium-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Consortium-Signature",
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"))));
        using var response = await platform.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("claim", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetString());

        await page.OpenSectionAsync("Issuing");
        await page.GetByText("Claim links (course platforms)").ClickAsync();
        var row = page.GetByTestId("claims-table").Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("c-LS-101.u-77");
        await Assertions.Expect(row).ToContainTextAsync("nia@example.org");
        await Assertions.Expect(row).ToContainTextAsync("awaiting-claim");

        // The course's figures: one completion, nobody signed up through the platform, its claim waiting.
        await page.OpenSectionAsync("Course platforms");
        var figures = page.GetByTestId("course-stats-sandbox").Locator("tbody tr td");
        await Assertions.Expect(figures).ToHaveTextAsync(["Laser Safety LS-101", "0", "0", "1", "0", "1"]);
    }

    [Fact]
    public async Task AnAdminRegistersEditsAndRemovesAnLtiPlatformAndSeesTheToolsAddresses()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{links.Tenant}");
        await page.OpenSectionAsync("Course platforms");
        await Assertions.Expect(page.GetByTestId("lti-tool-jwks")).ToHaveTextAsync($"{Portal.BaseAddress}lti/{links.Tenant}/jwks");

        await page.GetByLabel("Platform id").FillAsync("moodle");
        await page.GetByLabel("Issuer").FillAsync("moodle.example.edu");
        await page.GetByLabel("Client id").FillAsync("client-1");
        await page.GetByLabel("Deployment id").FillAsync("1");
        await page.GetByLabel("Authorization endpoint").FillAsync("https://moodle.example.edu/mod/lti/auth.php");
        await page.GetByLabel("Platform JWKS URL").FillAsync("https://moodle.example.edu/mod/lti/certs.php");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register platform" }).ClickAsync();
        // A bad field is said at the field, and what was typed stays.
        await Assertions.Expect(page.GetByText("Give the platform's issuer (its iss claim) as an absolute https URL.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Client id")).ToHaveValueAsync("client-1");
        await page.GetByLabel("Issuer").FillAsync("https://moodle.example.edu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register platform" }).ClickAsync();

        var rows = page.GetByTestId("lti-platforms").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.GetByTestId("lti-login-url")).ToHaveTextAsync($"{Portal.BaseAddress}lti/{links.Tenant}/moodle/login");
        await Assertions.Expect(rows.GetByTestId("lti-launch-url")).ToHaveTextAsync($"{Portal.BaseAddress}lti/{links.Tenant}/moodle/launch");
        await Assertions.Expect(rows).ToContainTextAsync("deployment 1");

        await rows.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Issuer")).ToHaveValueAsync("https://moodle.example.edu");
        await page.GetByLabel("Deployment id").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save platform" }).ClickAsync();
        await Assertions.Expect(rows).ToContainTextAsync("deployment 2");
        var registered = await links.Api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{links.Tenant}/lti/platforms");
        var platform = Assert.Single(registered.EnumerateArray());
        Assert.Equal("2", platform.GetProperty("deploymentId").GetString());
        Assert.Equal("client-1", platform.GetProperty("clientId").GetString());

        await rows.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No LTI platform is registered")).ToBeVisibleAsync();
        Assert.Empty((await links.Api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{links.Tenant}/lti/platforms")).EnumerateArray());
    }

    [Fact]
    public async Task AnAdminUploadsACsvOfClaimsSeesBadRowsByLineAndColumnThenDownloadsOneLinkPerRow()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        // The sub-page's address keeps the place: signing in returns straight to Issuing.
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{links.Tenant}/issuing");
        await page.GetByText("Claim links (course platforms)").ClickAsync();
        const string header = "template,external_id,email,given_names,family_names,lms_user_id,course_id,course_name,completed_at\n";

        await ChooseClaimsCsvAsync(page, header + "laser-2,ls-ana,ana@example.org,Ana,Lopez,31,LS-101,Laser Safety,2026-11-30\n"
            + "no-such-template,ls-ben,ben@example.org,Ben,Okoro,32,LS-101,Laser Safety,2026-11-30\n"
            + "laser-2,ls-cy,,Cy,Ng,,LS-101,Laser Safety,2026-11-30\n");

        var problems = page.GetByTestId("claims-csv-problems").Locator("tbody tr");
        await Assertions.Expect(problems).ToHaveCountAsync(2);
        await Assertions.Expect(problems.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Assertions.Expect(problems.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("template");
        await Assertions.Expect(problems.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByText("has 2 problems; no claim was created")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("claims-table").Locator("tbody tr", new() { HasText = "ls-ana" })).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => ChooseClaimsCsvAsync(page, header
            + "laser-2,ls-ana,ana@example.org,Ana,Lopez,31,LS-101,Laser Safety,2026-11-30\n"
            + "laser-2,ls-ben,ben@example.org,Ben,Okoro,32,LS-101,Laser Safety,2026-11-30\n"));

        Assert.Equal("claims-sandbox.csv", download.SuggestedFilename);
        var answer = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal("line,external_id,claim_url,expires_at,status", answer[0]);
        Assert.Equal(3, answer.Count);
        Assert.All(answer.Skip(1), row => Assert.Matches($"^\\d,ls-(ana|ben),{Regex.Escape(Portal.BaseAddress.AbsoluteUri)}t/{links.Tenant}/claim/[^,]+,[^,]+,created$", row));
        await Assertions.Expect(page.GetByTestId("claims-csv-summary")).ToContainTextAsync("2 claim links");
        // The claims list shows them without a reload.
        await Assertions.Expect(page.GetByTestId("claims-table").Locator("tbody tr", new() { HasText = "awaiting-claim" })).ToHaveCountAsync(2);
        // The link in the file is the learner's: it opens the claim page.
        var claimPage = await Portal.NewPageAsync(Browser.Browser);
        await claimPage.GotoAsync(answer[1].Split(',')[2]);
        await Assertions.Expect(claimPage.GetByRole(AriaRole.Heading, new() { Name = $"Claim your qualification: {ClaimLinks.Title}" })).ToBeVisibleAsync();
    }

    private static async Task ChooseClaimsCsvAsync(IPage page, string csv)
    {
        // Blazor's InputFile hears a chosen file only once its script has set the input up; after a file, MudBlazor adds a fresh input.
        var input = page.GetByTestId("claims-csv-upload").Locator("input[type=file]").Last;
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=claims-csv-upload] input[type=file]')].pop()?._blazorInputFileNextFileId !== undefined");
        await input.SetInputFilesAsync(new FilePayload { Name = "claims.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
    }
}
