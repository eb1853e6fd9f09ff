using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>Trust rules in the browser: a researcher proves a qualification on the tenant's page; an admin writes and tests a rule.</summary>
public sealed class VerificationPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AResearcherSignsInWithOrcidAndSeesTheDecisionAndWhy()
    {
        var (clientId, orcid) = await SetUpAsync();
        await Portal.PutOnSandboxRecordAsync(orcid, clientId, "Radiation Safety");
        await Portal.PutOnSandboxRecordAsync(orcid, sourceClientId: null, "Radiation Safety");
        var page = await Portal.NewPageAsync(Browser.Browser);

        await page.GotoAsync("/t/rule-org/prove/radiation?env=sandbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prove your qualification: Radiation Safety" })).ToBeVisibleAsync();
        await Portal.DecideNextConsentAsync(orcid, "authorize");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID to check" }).ClickAsync();

        var verdict = page.GetByTestId("verdict");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-decision", "allow");
        await Assertions.Expect(page.GetByTestId("read-note")).ToHaveTextAsync("Read with the researcher's consent (limited items included).");
        var evidence = page.GetByTestId("evidence-table");
        await Assertions.Expect(evidence).ToContainTextAsync("this organisation");
        await Assertions.Expect(evidence).ToContainTextAsync("self-asserted");
    }

    [Fact]
    public async Task TheProvePageSpeaksToTheResearcherAndFoldsTheDetails()
    {
        var (clientId, orcid) = await SetUpAsync();
        await Portal.PutOnSandboxRecordAsync(orcid, clientId, "Radiation Safety");
        var page = await Portal.NewPageAsync(Browser.Browser);
        await page.GotoAsync("/t/rule-org/prove/radiation?env=sandbox");
        await Portal.DecideNextConsentAsync(orcid, "authorize");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID to check" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("researcher-verdict")).ToHaveTextAsync(
            "Yes, it counts. Your ORCID record shows \"Radiation Safety\", and Rule University accepts it.");
        // No put-codes, client ids or rule versions unless the researcher asks for them.
        await Assertions.Expect(page.GetByTestId("evidence-table")).ToBeHiddenAsync();
        var shown = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("put-code", shown);
        Assert.DoesNotContain(clientId, shown);
        await page.GetByText("Details", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("evidence-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("evidence-table")).ToContainTextAsync(clientId);

        var back = page.GetByRole(AriaRole.Link, new() { Name = "Back to Rule University's page" });
        await Assertions.Expect(back).ToHaveAttributeAsync("href", "/t/rule-org?env=sandbox");
    }

    [Fact]
    public async Task AnAdminWritesATrustRuleTestsItOnARecordAndSavesItAsVersionOne()
    {
        var (_, orcid) = await SetUpAsync();
        await Portal.PutOnSandboxRecordAsync(orcid, sourceClientId: null, "Laser Safety Level 2");
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/tenants/rule-org");
        await page.WaitForURLAsync("**/tenants/rule-org");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.OpenSectionAsync("Trust rules");
        await page.GetByLabel("Rule id").FillAsync("laser");
        await page.GetByLabel("Title(s)").FillAsync("Laser Safety Level 2");
        await page.GetByLabel("A researcher's ORCID iD").FillAsync(orcid);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test this rule" }).ClickAsync();
        // Only this organisation is trusted so far: the researcher's own claim does not count.
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-decision", "deny");
        // Without the researcher's consent the record is read as public data, and the decision says what that cannot see.
        await Assertions.Expect(page.GetByTestId("read-note")).ToContainTextAsync("Public record only: items the researcher keeps limited or private are not visible");
        await page.GetByLabel("Added by the researcher (self-asserted)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test this rule" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-decision", "allow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rule" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Rule laser saved as version 1.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("trust-rule-table")).ToContainTextAsync("added by the researcher themselves");
    }

    [Fact]
    public async Task AnAdminVerifiesOnTheVerifyTabAndIsToldWhatAPublicReadCannotSee()
    {
        var (clientId, _) = await SetUpAsync();
        var orcid = (await Portal.SandboxControls.CreateResearcherAsync("Irène", "Joliot-Curie", "irene@example.org", defaultVisibility: "limited")).Orcid;
        await Portal.PutOnSandboxRecordAsync(orcid, clientId, "Radiation Safety");
        var page = await OpenVerifyTabWithRadiationRuleAsync();
        await page.GetByLabel("ORCID iD").FillAsync(orcid);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();

        // The researcher keeps the qualification limited and has not consented: the public read cannot see it, and says so.
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-decision", "deny");
        await Assertions.Expect(page.GetByTestId("read-note")).ToContainTextAsync("items the researcher keeps limited or private are not visible");
    }

    [Fact]
    public async Task AnAdminVerifiesACsvOfIdsOnTheVerifyTabSeesEachDecisionAndDownloadsTheResult()
    {
        var (clientId, qualified) = await SetUpAsync();
        await Portal.PutOnSandboxRecordAsync(qualified, clientId, "Radiation Safety");
        var (unqualified, _) = await Portal.CreateResearcherAsync("Emmy", "Noether", "noether@example.org");
        await Portal.PutOnSandboxRecordAsync(unqualified, clientId, "Laser Safety Level 2");
        var page = await OpenVerifyTabWithRadiationRuleAsync();
        // Blazor's InputFile hears a chosen file only once its script has set the input up.
        await page.WaitForFunctionAsync("() => document.querySelector('input[type=file]:not([disabled])')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "lab-access.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"name,orcid\nWu,{qualified}\nNoether,{unqualified}\nNobody,0000-0002-1825-0098\n"),
        });

        await Assertions.Expect(page.GetByTestId("batch-verify-summary")).ToContainTextAsync("lab-access.csv against radiation: 1 allowed, 1 denied, 0 unknown, 1 not verified.");
        var table = page.GetByTestId("batch-verify-table");
        await Assertions.Expect(table.Locator("tr", new() { HasText = qualified }).Locator("[data-decision]")).ToHaveAttributeAsync("data-decision", "allow");
        await Assertions.Expect(table.Locator("tr", new() { HasText = unqualified }).Locator("[data-decision]")).ToHaveAttributeAsync("data-decision", "deny");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "0000-0002-1825-0098" })).ToContainTextAsync("check digit");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("batch-verify-download").ClickAsync());
        Assert.Equal("lab-access-radiation-decisions.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("orcid,decision,reason", lines[0].TrimEnd('\r'));
        Assert.StartsWith($"{qualified},allow,", lines[1]);
        Assert.StartsWith($"{unqualified},deny,", lines[2]);
        Assert.StartsWith("0000-0002-1825-0098,,", lines[3]);
    }

    /// <summary>The operator signed in, on the organisation's Verify tab with the rule "radiation" chosen.</summary>
    private async Task<IPage> OpenVerifyTabWithRadiationRuleAsync()
    {
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/tenants/rule-org");
        await page.WaitForURLAsync("**/tenants/rule-org");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.OpenSectionAsync("Verify");
        await page.GetByLabel("Trust rule").ClickAsync();
        await page.GetByText("Radiation Safety (v1)").ClickAsync();
        return page;
    }

    /// <summary>A member organisation with a sandbox client and the rule "radiation"; and a researcher at the simulator.</summary>
    private async Task<(string ClientId, string Orcid)> SetUpAsync()
    {
        var api = Portal.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "rule-consortium", name = "Rule Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/rule-consortium/tenants", new { slug = "rule-org", name = "Rule University" })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await Portal.RegisterSandboxClientAsync("Rule University");
        (await api.PutAsJsonAsync("/api/v1/tenants/rule-org/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/tenants/rule-org/trust-rules/radiation",
            new { title = "Radiation Safety", trust = new { ownClient = true, selfAsserted = true } })).EnsureSuccessStatusCode();
        var (orcid, _) = await Portal.CreateResearcherAsync("Chien-Shiung", "Wu", "wu@example.org");
        return (clientId, orcid);
    }
}
