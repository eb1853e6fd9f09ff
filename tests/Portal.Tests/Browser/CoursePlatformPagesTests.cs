using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>The member admin's side of course platforms: the webhook secret shown once, a course mapped to a template, and the
/// claim a completion made, listed on the Issuing tab and counted in the course's figures.</summary>
public sealed class CoursePlatformPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AnAdminMakesTheSecretMapsACourseAndSeesTheClaimACompletionMade()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{links.Tenant}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Course platforms" }).ClickAsync();
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

        // The Issuing tab is the page's first.
        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.GetByText("Claim links (course platforms)").ClickAsync();
        var row = page.GetByTestId("claims-table").Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("c-LS-101.u-77");
        await Assertions.Expect(row).ToContainTextAsync("nia@example.org");
        await Assertions.Expect(row).ToContainTextAsync("awaiting-claim");

        // The course's figures: one completion, nobody signed up through the platform, its claim waiting.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Course platforms" }).ClickAsync();
        var figures = page.GetByTestId("course-stats-sandbox").Locator("tbody tr td");
        await Assertions.Expect(figures).ToHaveTextAsync(["Laser Safety LS-101", "0", "0", "1", "0", "1"]);
    }

    [Fact]
    public async Task AnAdminRegistersEditsAndRemovesAnLtiPlatformAndSeesTheToolsAddresses()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{links.Tenant}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Course platforms" }).ClickAsync();
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
}
