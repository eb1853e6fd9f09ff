using System.Net.Http.Json;
using System.Text.Json;
using Consortium.OrcidSimulator.Controls;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>A member admin issues from a CSV on the Issuing tab: dry run, apply, live progress (pushed, not polled), result download.</summary>
public sealed class IssuingPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AnAdminDryRunsAppliesAndDownloadsTheResultOfACsv()
    {
        var api = Portal.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "csv-consortium", name = "CSV Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/csv-consortium/tenants", new { slug = "csv-org", name = "CSV University" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/tenants/csv-org/organisation",
            new { name = "CSV University", rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/tenants/csv-org/templates/laser-2", new { title = "Laser Safety Level 2", validityMonths = 24 })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await Portal.RegisterSandboxClientAsync("CSV University");
        (await api.PutAsJsonAsync("/api/v1/tenants/csv-org/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        var researcher = await Portal.CreateResearcherAsync("Grace", "Hopper", "grace@example.org");

        // The researcher connects on the organisation's page (the simulator decides at once).
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.DecideNextConsentAsync(researcher.Orcid, "authorize");
        await page.GotoAsync("/t/csv-org?env=sandbox");
        await page.Locator("a.orcid-connect").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Grace Hopper" })).ToBeVisibleAsync();

        await Portal.SignInAsync(page, PortalServerOperator, "/tenants/csv-org");
        await page.OpenSectionAsync("Issuing");
        await ChooseCsvAsync(page, "october.csv",
            $"template,external_id,orcid\nlaser-2,oct-1,{researcher.Orcid}\nlaser-2,oct-2,{researcher.Orcid}\nlaser-2,oct-3,0000-0002-1825-0098\n");

        await Assertions.Expect(page.GetByTestId("batch-summary")).ToContainTextAsync("Dry run of october.csv: 2 of 3 rows can be issued; 1 problem.");
        await Assertions.Expect(page.GetByTestId("batch-problems")).ToContainTextAsync("check digit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply: issue 2 rows in sandbox" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("batch-summary")).ToContainTextAsync("Applied october.csv: 2 of 3 rows accepted; 1 problem.");
        await Assertions.Expect(page.GetByTestId("batch-progress-text")).ToHaveTextAsync("Written to ORCID or settled: 2 of 2");
        await Assertions.Expect(page.GetByTestId("issuance-table")).ToContainTextAsync("oct-2");
        // The list is searched on the server: only the issuance asked for is left.
        await page.GetByTestId("issuance-filters").GetByLabel("Search").FillAsync("OCT-1");
        await Assertions.Expect(page.GetByTestId("issuance-table")).Not.ToContainTextAsync("oct-2");
        await Assertions.Expect(page.GetByTestId("issuance-table")).ToContainTextAsync("oct-1");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("batch-result-link").ClickAsync());
        var result = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal(2, result.Split('\n').Count(line => line.Contains(",in-orcid,")));
        Assert.Contains(",rejected,", result);
        var record = await Portal.GetFromSandboxAsync($"/_sim/records/{researcher.Orcid}");
        Assert.Equal(2, record.GetProperty("qualifications").GetArrayLength());

        // The launch review has taken note: a researcher authorized and a qualification was written, in sandbox.
        await page.OpenSectionAsync("Launch review");
        var checklist = page.GetByTestId("launch-checklist");
        await Assertions.Expect(checklist.Locator("tr", new() { HasText = "a qualification written" })).ToContainTextAsync("yes");
        await Assertions.Expect(checklist.Locator("tr", new() { HasText = "a qualification deleted" })).ToContainTextAsync("not yet");
        var pack = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("launch-pack").ClickAsync());
        var markdown = await File.ReadAllTextAsync((await pack.PathAsync())!);
        Assert.StartsWith("# Launch review: CSV University", markdown);
        Assert.Contains("| a researcher authorizing | yes |", markdown);
    }

    [Fact]
    public async Task ABatchsProgressMovesOnThePageAsTheFeedPushesItWithoutPolling()
    {
        var (api, tenant, researcher) = await ReadyTenantWithGraceAsync("Live University");

        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServerOperator, $"/tenants/{tenant}");
        await page.OpenSectionAsync("Issuing");
        await ChooseCsvAsync(page, "live.csv", $"template,external_id,orcid\nlaser-2,live-1,{researcher.Orcid}\nlaser-2,live-2,{researcher.Orcid}\n");
        await Assertions.Expect(page.GetByTestId("batch-summary")).ToContainTextAsync("Dry run of live.csv: 2 of 2 rows can be issued");

        // ORCID takes 2.5 s over each call: the rows stay queued that long, long enough for a 1 s or 2 s poll to read several times.
        using (var faults = new HttpClient { BaseAddress = Portal.Sandbox })
        {
            (await faults.PostAsJsonAsync("/_sim/faults", new FaultRequest("latency", Rate: 1, DurationSeconds: 60, LatencyMilliseconds: 2500))).EnsureSuccessStatusCode();
        }
        using var counts = new LiveUpdateCounts(tenant, "batch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply: issue 2 rows in sandbox" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("batch-progress-text")).ToHaveTextAsync("Written to ORCID or settled: 0 of 2");
        await Assertions.Expect(page.GetByTestId("batch-progress-text")).ToHaveTextAsync("Written to ORCID or settled: 2 of 2", new() { Timeout = 30_000 });

        // The page read once when it subscribed, and then once per push: no read came from a timer.
        Assert.Equal((counts.Pushes + 1, true), (counts.Reads, counts.Pushes > 0));
        var record = await Portal.GetFromSandboxAsync($"/_sim/records/{researcher.Orcid}");
        Assert.Equal(2, record.GetProperty("qualifications").GetArrayLength());
    }

    [Fact]
    public async Task IssueOneRefusesAnIdAndAnEmailTogetherAndKeepsWhatWasTyped()
    {
        var api = Portal.CreateApiClient();
        var tenant = await Portal.CreateTenantAsync();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/templates/laser-2", new { title = "Laser Safety Level 2", validityMonths = 24 })).EnsureSuccessStatusCode();
        var (page, form) = await OpenIssueOneWithLaser2Async(tenant);

        await form.GetByLabel("ORCID iD").FillAsync("0000-0002-1825-0097");
        await form.GetByLabel("or email").FillAsync("josiah@example.org");
        await form.GetByLabel("External id").FillAsync("both-1");
        await form.GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Give the ORCID iD of a connected researcher or the email of one to invite, not both")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("or email")).ToHaveValueAsync("josiah@example.org");
        await Assertions.Expect(form.GetByLabel("ORCID iD")).ToHaveValueAsync("0000-0002-1825-0097");
        var issuances = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/issuances?env=sandbox");
        Assert.DoesNotContain("both-1", issuances.GetRawText());
    }

    [Fact]
    public async Task IssueOneWarnsOfASecondIssuanceOfATemplateToOnePersonAndStillIssuesIt()
    {
        var api = Portal.CreateApiClient();
        var tenant = await Portal.CreateTenantAsync();
        var (clientId, clientSecret) = await Portal.RegisterSandboxClientAsync(tenant);
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/templates/laser-2", new { title = "Laser Safety Level 2", validityMonths = 24 })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", email = "twice@example.org", externalId = "twice-1" })).EnsureSuccessStatusCode();
        var (page, form) = await OpenIssueOneWithLaser2Async(tenant);

        // Someone else: no warning.
        await form.GetByLabel("or email").FillAsync("someone-else@example.org");
        await form.GetByLabel("External id").FillAsync("twice-2");
        await Assertions.Expect(form.GetByLabel("External id")).ToHaveValueAsync("twice-2");
        await Assertions.Expect(page.GetByTestId("earlier-issuance")).ToHaveCountAsync(0);

        await form.GetByLabel("or email").FillAsync("twice@example.org");
        await form.GetByLabel("External id").FocusAsync();
        await Assertions.Expect(page.GetByTestId("earlier-issuance")).ToContainTextAsync("This person already has this template: twice-1 (");
        await form.GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("twice-2: ", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("earlier-issuance")).ToHaveCountAsync(0);
        var issuances = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/issuances?env=sandbox");
        Assert.Contains("twice-1", issuances.GetRawText());
        Assert.Contains("twice-2", issuances.GetRawText());
    }

    [Fact]
    public async Task ChangingATemplateSaysHowManyRecordsItRewritesAndAsksFirst()
    {
        var (api, tenant, researcher) = await ReadyTenantWithGraceAsync("Template University");
        (await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid = researcher.Orcid, externalId = "t-1" })).EnsureSuccessStatusCode();
        await WaitForTitleOnRecordAsync(researcher.Orcid, "Laser Safety Level 2");

        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServerOperator, $"/tenants/{tenant}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.OpenSectionAsync("Templates");
        await page.GetByTestId("template-table").GetByText("laser-2").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Template id")).ToHaveAttributeAsync("readonly", "");
        await page.GetByLabel("Title").FillAsync("Laser Safety Level 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Saving updates 1 qualification already written from laser-2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        var template = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/templates/laser-2");
        Assert.Equal("Laser Safety Level 2", template.GetProperty("title").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save and update" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Template laser-2 saved.")).ToBeVisibleAsync();
        await WaitForTitleOnRecordAsync(researcher.Orcid, "Laser Safety Level 3");
    }

    [Fact]
    public async Task TheIssuingTabSaysWhenAnEnvironmentHasNoOrcidClient()
    {
        var api = Portal.CreateApiClient();
        var tenant = await Portal.CreateTenantAsync();
        var (clientId, clientSecret) = await Portal.RegisterSandboxClientAsync("Half Set Up University");
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        var page = await OpenIssuingTabAsync(tenant);
        await Assertions.Expect(page.GetByTestId("issuing-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("no-client")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Group, new() { Name = "Environment" }).GetByText("Production", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("no-client")).ToHaveTextAsync(
            "No production ORCID client yet: nothing can be written to ORCID in production until one is set under ORCID clients.");
    }

    /// <summary>The demo operator on the organisation's Issuing tab, once the page is interactive.</summary>
    private async Task<IPage> OpenIssuingTabAsync(string tenant)
    {
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServerOperator, $"/tenants/{tenant}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.OpenSectionAsync("Issuing");
        return page;
    }

    /// <summary>The Issuing tab's issue-one form, opened, with the template laser-2 picked.</summary>
    private async Task<(IPage Page, ILocator Form)> OpenIssueOneWithLaser2Async(string tenant)
    {
        var page = await OpenIssuingTabAsync(tenant);
        await page.GetByText("Issue one qualification", new() { Exact = true }).ClickAsync();
        var form = page.GetByTestId("issue-one");
        await form.GetByLabel("Template").ClickAsync();
        await page.GetByText("Laser Safety Level 2 (laser-2)").ClickAsync();
        return (page, form);
    }

    /// <summary>A member organisation ready to issue laser-2 in sandbox, and Grace Hopper connected to it.</summary>
    private async Task<(HttpClient Api, string Tenant, (string Orcid, string Password) Researcher)> ReadyTenantWithGraceAsync(string name)
    {
        var api = Portal.CreateApiClient();
        var tenant = await Portal.CreateTenantAsync();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/organisation",
            new { name = name, rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/templates/laser-2", new { title = "Laser Safety Level 2", validityMonths = 24 })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await Portal.RegisterSandboxClientAsync(name);
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        var researcher = await Portal.CreateResearcherAsync("Grace", "Hopper", "grace@example.org");
        await Portal.ConnectResearcherAsync(tenant, researcher.Orcid);
        return (api, tenant, researcher);
    }

    private async Task WaitForTitleOnRecordAsync(string orcid, string title)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (!(await Portal.GetFromSandboxAsync($"/_sim/records/{orcid}")).GetProperty("qualifications").EnumerateArray()
                   .Any(item => item.GetProperty("role-title").GetString() == title))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"After 20 s the record still has no '{title}'.");
            await Task.Delay(250);
        }
    }

    /// <summary>Opens the CSV panel and chooses a file for its dry run.</summary>
    private static async Task ChooseCsvAsync(IPage page, string name, string csv)
    {
        await page.GetByText("Issue from a CSV file").ClickAsync();
        // Blazor's InputFile hears a chosen file only once its script has set the input up (after the panel's render reached
        // the browser); a file set before that is lost.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=batch-csv-upload] input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await page.GetByTestId("batch-csv-upload").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
    }

    private static string PortalServerOperator => PortalServer.DemoOperator.Orcid;
}
