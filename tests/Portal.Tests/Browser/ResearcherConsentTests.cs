using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>
/// The researcher's side of issuing: the emailed invitation, the round trip to ORCID (the sandbox simulator decides at once
/// what <c>/_sim/next-consent</c> told it), what the researcher page shows, the certificate page, and disconnecting.
/// </summary>
public sealed partial class ResearcherConsentTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Tenant = "laser-lab";
    private const string IssuanceId = "sandbox.cert-0001";
    private const string Title = "Laser Safety Level 2";
    private const string InvitationSubject = "Laser Lab would like to add a qualification to your ORCID record";

    [Fact]
    public async Task InvitedResearcherConnectsSeesTheQualificationWrittenAndDisconnects()
    {
        var (api, clientId) = await SetUpTenantAsync();
        var rita = await Portal.CreateResearcherAsync("Rita", "Reed", "rita@example.org");
        var page = await OpenInvitationAsync(api, "rita@example.org");

        await Portal.DecideNextConsentAsync(rita.Orcid, "authorize");
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{Tenant}\\?env=sandbox&outcome=connected$"));
        await Assertions.Expect(page.GetByText("Thank you: your ORCID iD is connected to Laser Lab.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Rita Reed" })).ToBeVisibleAsync();
        // Offline, the iD links to the sandbox simulator the portal talks to, not to sandbox.orcid.org where the iD does not exist.
        var orcidUrl = $"{Portal.Sandbox}{rita.Orcid}";
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = orcidUrl })).ToHaveAttributeAsync("href", orcidUrl);
        var stored = page.GetByRole(AriaRole.List, new() { Name = "Stored data" });
        await Assertions.Expect(stored).ToContainTextAsync($"{rita.Orcid}, Rita Reed");
        await Assertions.Expect(stored).ToContainTextAsync("encrypted; never shown to anyone");

        // The write to ORCID happens after the redirect, on the issuing queue: the page shows it once reloaded.
        var qualification = page.GetByRole(AriaRole.List, new() { Name = "Qualifications" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(qualification).ToHaveCountAsync(1);
        await Assertions.Expect(qualification).ToContainTextAsync(Title);
        await ReloadUntilAsync(page, qualification.Locator(".issuance-status"), "in ORCID");

        var issuance = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/issuances/{IssuanceId}");
        Assert.Equal("in-orcid", issuance.GetProperty("status").GetString());
        Assert.Equal(rita.Orcid, issuance.GetProperty("orcid").GetString());
        var onRecord = Assert.Single((await Portal.GetFromSandboxAsync($"/_sim/records/{rita.Orcid}")).GetProperty("qualifications").EnumerateArray());
        Assert.Equal(issuance.GetProperty("putCode").GetInt64(), onRecord.GetProperty("put-code").GetInt64());
        Assert.Equal(clientId, onRecord.GetProperty("source").GetProperty("source-client-id").GetProperty("path").GetString());
        Assert.Equal(Title, onRecord.GetProperty("role-title").GetString());

        var seeIt = qualification.GetByRole(AriaRole.Link, new() { Name = "see it on ORCID" });
        await Assertions.Expect(seeIt).ToHaveAttributeAsync("href", orcidUrl);
        var record = await page.Context.NewPageAsync();
        await record.GotoAsync(orcidUrl);
        await Assertions.Expect(record.GetByRole(AriaRole.Heading, new() { Name = "Rita Reed" })).ToBeVisibleAsync();
        await Assertions.Expect(record.GetByRole(AriaRole.Listitem)).ToContainTextAsync(Title);
        await record.CloseAsync();

        var credential = $"/t/{Tenant}/certificates/{issuance.GetProperty("certificateId").GetString()}/credential";
        await Assertions.Expect(qualification.GetByRole(AriaRole.Link, new() { Name = "download Open Badge" })).ToHaveAttributeAsync("href", credential);
        await qualification.GetByRole(AriaRole.Link, new() { Name = "certificate", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{Tenant}/certificates/{Regex.Escape(issuance.GetProperty("certificateId").GetString()!)}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = orcidUrl })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download credential" })).ToHaveAttributeAsync("href", credential);
        await Assertions.Expect(page.GetByText("Open Badges 3.0 verifiable credential")).ToBeVisibleAsync();

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{Tenant}\\?env=sandbox&outcome=disconnected$"));
        await Assertions.Expect(page.GetByText("You are disconnected: Laser Lab can no longer read or change your ORCID record.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Rita Reed" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" })).ToBeVisibleAsync();
        var token = Assert.Single((await Portal.GetFromSandboxAsync($"/_sim/tokens?clientId={clientId}")).EnumerateArray(),
            t => t.GetProperty("orcid").GetString() == rita.Orcid);
        Assert.True(token.GetProperty("revoked").GetBoolean());
        var researcher = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/researchers/{rita.Orcid}?env=sandbox");
        Assert.Equal("disconnected", researcher.GetProperty("consent").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ResearcherWhoDeniesIsToldNothingWasWrittenAndCanTryAgain()
    {
        var (api, _) = await SetUpTenantAsync();
        var dan = await Portal.CreateResearcherAsync("Dan", "Doubt", "dan@example.org");
        var page = await OpenInvitationAsync(api, "dan@example.org");

        await Portal.DecideNextConsentAsync(dan.Orcid, "deny");
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{Tenant}\\?env=sandbox&outcome=denied&invite="));
        await Assertions.Expect(page.GetByText("You denied permission, so nothing was written to your ORCID record.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello" })).ToHaveCountAsync(0);
        var issuance = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/issuances/{IssuanceId}");
        Assert.Equal("denied", issuance.GetProperty("status").GetString());
        Assert.Empty((await Portal.GetFromSandboxAsync($"/_sim/records/{dan.Orcid}")).GetProperty("qualifications").EnumerateArray());

        // He changes his mind: the same invitation still works.
        await Portal.DecideNextConsentAsync(dan.Orcid, "authorize");
        await page.GetByRole(AriaRole.Link, new() { Name = "Try again: connect your ORCID iD" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Dan Doubt" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You denied permission")).ToHaveCountAsync(0);
        var qualification = page.GetByRole(AriaRole.List, new() { Name = "Qualifications" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(qualification).ToHaveCountAsync(1);
        await ReloadUntilAsync(page, qualification.Locator(".issuance-status"), "in ORCID");
        issuance = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/issuances/{IssuanceId}");
        Assert.Equal("in-orcid", issuance.GetProperty("status").GetString());
        var onRecord = Assert.Single((await Portal.GetFromSandboxAsync($"/_sim/records/{dan.Orcid}")).GetProperty("qualifications").EnumerateArray());
        Assert.Equal(issuance.GetProperty("putCode").GetInt64(), onRecord.GetProperty("put-code").GetInt64());
    }

    [Fact]
    public async Task ForgedOrReplayedCallbackIsRefusedAndConnectsNobody()
    {
        var (_, clientId) = await SetUpTenantAsync();
        var rita = await Portal.CreateResearcherAsync("Rita", "Reed", "rita@example.org");

        // A state the portal never made.
        var forged = await Portal.NewPageAsync(Browser.Browser);
        await forged.GotoAsync($"/t/{Tenant}/orcid/callback?code=x&state={Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())}");
        await Assertions.Expect(forged).ToHaveURLAsync(new Regex($"/t/{Tenant}\\?env=sandbox&problem=expired$"));
        await Assertions.Expect(forged.GetByText("This sign-in has expired or was already used")).ToBeVisibleAsync();
        await Assertions.Expect(forged.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" })).ToBeVisibleAsync();

        // A real callback, used once by Rita's browser, then replayed from another browser.
        var page = await Portal.NewPageAsync(Browser.Browser);
        await page.GotoAsync($"/t/{Tenant}?env=sandbox");
        await Portal.DecideNextConsentAsync(rita.Orcid, "authorize");
        var callback = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync(),
            request => request.Url.Contains($"/t/{Tenant}/orcid/callback?"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Rita Reed" })).ToBeVisibleAsync();

        var replay = await Portal.NewPageAsync(Browser.Browser);
        await replay.GotoAsync(callback.Url);
        await Assertions.Expect(replay.GetByText("This sign-in has expired or was already used")).ToBeVisibleAsync();
        await Assertions.Expect(replay.GetByRole(AriaRole.Heading, new() { Name = "Hello" })).ToHaveCountAsync(0);
        await Assertions.Expect(replay.GetByRole(AriaRole.Button, new() { Name = "Disconnect" })).ToHaveCountAsync(0);
        // The code was exchanged once only: ORCID issued Rita one token.
        Assert.Single((await Portal.GetFromSandboxAsync($"/_sim/tokens?clientId={clientId}")).EnumerateArray(),
            t => t.GetProperty("orcid").GetString() == rita.Orcid);
    }

    [Fact]
    public async Task NewPersonCreatesATestResearcherOnTheSimulatorSignInPageAndConnects()
    {
        await SetUpTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser, new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync($"/t/{Tenant}?env=sandbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();

        // The simulator's sign-in page fits a phone.
        var create = OrcidSignInPage.NewResearcherFields(page);
        await Assertions.Expect(create).ToBeVisibleAsync();
        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 0, 390);
        await create.GetByLabel("Given names").FillAsync("Nia");
        await create.GetByLabel("Family names").FillAsync("Ngata");
        await create.GetByLabel("Email").FillAsync("nia@example.org");
        await create.GetByLabel("Password").FillAsync("ab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create researcher and authorize" }).ClickAsync();

        // Too short a password: said, and what was typed stays.
        await Assertions.Expect(page.GetByText("The password needs at least 4 characters.")).ToBeVisibleAsync();
        await Assertions.Expect(create.GetByLabel("Given names")).ToHaveValueAsync("Nia");
        await create.GetByLabel("Password").FillAsync("nias-own");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create researcher and authorize" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{Tenant}\\?env=sandbox&outcome=connected$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Nia Ngata" })).ToBeVisibleAsync();

        // Nia signs in with the password she chose the next time.
        var again = await Portal.NewPageAsync(Browser.Browser);
        await again.GotoAsync($"/t/{Tenant}?env=sandbox");
        await again.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();
        await OrcidSignInPage.SignInAsync(again, "nia@example.org", "nias-own");
        await Assertions.Expect(again.GetByRole(AriaRole.Heading, new() { Name = "Hello, Nia Ngata" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ClientThatOrcidCannotSendBackToShowsOrcidsErrorPageNotRawText()
    {
        var (api, _) = await SetUpTenantAsync();
        // A client registered for another site's address: ORCID accepts its secret, but will not send researchers to the portal.
        var (clientId, clientSecret) = await Portal.SandboxControls.RegisterClientAsync("Laser Lab", "https://elsewhere.example/callback");
        (await api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        var page = await Portal.NewPageAsync(Browser.Browser);
        await page.GotoAsync($"/t/{Tenant}?env=sandbox");

        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync(), response => response.Url.Contains("/oauth/authorize"));

        Assert.Equal(400, answer.Status);
        Assert.StartsWith("text/html", answer.Headers["content-type"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oops, something went wrong" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("an address it has not registered")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OrcidErrorSentBackOnConnectIsExplainedOnTheBrandedPage()
    {
        await SetUpTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser);
        await page.GotoAsync($"/t/{Tenant}?env=sandbox");
        var authorize = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync(), request => request.Url.Contains("/oauth/authorize?"));

        // The same request reaches ORCID without its scope, so ORCID sends the browser back with error=invalid_scope.
        await page.GotoAsync(Regex.Replace(authorize.Url, "([?&])scope=[^&]*", "$1scope="));

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{Tenant}\\?env=sandbox&problem=orcid-error$"));
        await Assertions.Expect(page.GetByText("ORCID reported a problem with the sign-in. Please try again.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Laser Lab" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhoneALongNameIsNotSqueezedBesideAWideLogo()
    {
        var (api, _) = await SetUpTenantAsync();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/branding",
            new { displayName = "University of Auckland | Waipapa Taumata Rau", primaryColour = "#0B3D91" })).EnsureSuccessStatusCode();
        var logo = """<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><rect width="600" height="200" fill="#0B3D91"/></svg>"""u8.ToArray();
        (await api.PutAsync($"/api/v1/tenants/{Tenant}/branding/logo", new ByteArrayContent(logo))).EnsureSuccessStatusCode();
        var page = await Portal.NewPageAsync(Browser.Browser, new() { ViewportSize = new() { Width = 390, Height = 844 } });

        await page.GotoAsync($"/t/{Tenant}?env=sandbox");

        var name = page.Locator(".tenant-brand-name");
        await Assertions.Expect(name).ToHaveTextAsync("University of Auckland | Waipapa Taumata Rau");
        var box = (await name.BoundingBoxAsync())!;
        var logoBox = (await page.Locator(".tenant-brand-logo").BoundingBoxAsync())!;
        // The name takes the line under the logo, at most two lines of it, rather than a narrow column beside it.
        Assert.True(box.Width > 300, $"The name is {box.Width} px wide.");
        Assert.True(box.Height < 70, $"The name is {box.Height} px high.");
        Assert.True(logoBox.Height <= 40, $"The logo is {logoBox.Height} px high.");
        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 0, 390);
    }

    [Fact]
    public async Task ConnectButtonFitsAPhoneWithoutScrollingSideways()
    {
        await SetUpTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser, new() { ViewportSize = new() { Width = 390, Height = 844 } });

        await page.GotoAsync($"/t/{Tenant}?env=sandbox");

        await Assertions.Expect(page.Locator("a.orcid-connect")).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 0, 390);
    }

    private Task<(HttpClient Api, string ClientId)> SetUpTenantAsync() =>
        Portal.SetUpSandboxTenantAsync("consent-consortium", Tenant, "Laser Lab", Title);

    /// <summary>Issues the template to <paramref name="email"/>, then opens the emailed link from the local mailbox, as the researcher would.</summary>
    private async Task<IPage> OpenInvitationAsync(HttpClient api, string email)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/tenants/{Tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", email, externalId = "cert-0001" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var issuance = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(IssuanceId, issuance.GetProperty("id").GetString());
        Assert.Equal("awaiting-consent", issuance.GetProperty("status").GetString());

        var body = await TestMailbox.BodyAsync(Portal.Services, InvitationSubject);
        Assert.Contains($"would like to add \"{Title}\" to your ORCID record", body);
        var link = InvitationLink().Match(body);
        Assert.True(link.Success, body);
        var page = await Portal.NewPageAsync(Browser.Browser);
        await page.GotoAsync(link.Value);
        await Assertions.Expect(page.GetByText($"This invitation was sent to {email}")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Reloads the static page until <paramref name="locator"/> shows <paramref name="text"/>, for at most 20 s.</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator locator, string text)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while ((await locator.InnerTextAsync()).Trim() is var shown && shown != text)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"After 20 s the page still shows '{shown}', not '{text}'.");
            // Polling at the issuing queue's own pace (it ticks every 250 ms), not waiting a guessed time.
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            await page.ReloadAsync();
        }
    }

    [GeneratedRegex($"http\\S+/t/{Tenant}\\?env=sandbox&invite=\\S+")]
    private static partial Regex InvitationLink();
}
