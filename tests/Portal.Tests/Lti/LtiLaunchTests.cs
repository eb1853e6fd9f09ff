using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Consortium.Portal.Tests.Browser;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Lti;

/// <summary>The tenant's LTI 1.3 tool, launched from a platform look-alike: through a real browser (OIDC third-party login, the
/// form-posted id_token, then the learner's ORCID connection), and refused for forged, expired, replayed, wrong-audience and
/// wrong-deployment launches.</summary>
public sealed class LtiLaunchTests(BrowserFixture browser) : BrowserTest(browser), IAsyncLifetime
{
    private readonly LtiPlatformLookAlike _platform = new();
    private ClaimLinks _tenant = null!;
    private JsonElement _registered;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _tenant = await ClaimLinks.SetUpAsync(Portal);
        using var saved = await _tenant.Api.PutAsJsonAsync($"/api/v1/tenants/{_tenant.Tenant}/lti/platforms/moodle", new
        {
            env = "sandbox", issuer = _platform.Issuer, clientId = LtiPlatformLookAlike.ClientId, deploymentId = LtiPlatformLookAlike.DeploymentId,
            authorizationEndpoint = _platform.AuthorizationEndpoint, jwksUrl = _platform.JwksUrl,
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        _registered = await saved.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _platform.DisposeAsync();
    }

    private Uri ToolLoginUrl => new(_registered.GetProperty("toolLoginUrl").GetString()!);

    [Fact]
    public async Task ALearnerLaunchesTheToolFromTheCourseConnectsAndSeesTheConnectionOnTheNextLaunch()
    {
        Assert.Equal($"{Portal.BaseAddress}lti/{_tenant.Tenant}/moodle/launch", _registered.GetProperty("toolLaunchUrl").GetString());
        var lena = await Portal.CreateResearcherAsync("Lena", "Launch", "lena@example.org");
        var page = await Portal.NewPageAsync(Browser.Browser);

        await page.GotoAsync(_platform.StartUrl(ToolLoginUrl, "moodle-user-42"));

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{_tenant.Tenant}/enrol/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect your ORCID iD for Laser Safety 101" })).ToBeVisibleAsync();
        await Portal.DecideNextConsentAsync(lena.Orcid, "authorize");
        // Connect leaves the tool's page for a window of its own (ORCID refuses to be framed), which comes back connected.
        var connect = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync());
        await Assertions.Expect(connect).ToHaveURLAsync(new Regex("outcome=connected$"));
        await Assertions.Expect(connect.GetByText("is connected. When you complete Laser Safety 101")).ToBeVisibleAsync();

        // Next time, in another browser (the course's): the launch alone shows the connection and what was written.
        var later = await Portal.NewPageAsync(Browser.Browser);
        await later.GotoAsync(_platform.StartUrl(ToolLoginUrl, "moodle-user-42"));
        await Assertions.Expect(later.GetByText("is connected. When you complete Laser Safety 101")).ToBeVisibleAsync();
        await Assertions.Expect(later.GetByRole(AriaRole.Link, new() { Name = $"{Portal.Sandbox}{lena.Orcid}" })).ToBeVisibleAsync();
        await Assertions.Expect(later.GetByText("Nothing yet.")).ToBeVisibleAsync();
        await Assertions.Expect(later.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheToolIsShownInsideTheCoursesFrameAndOpensConnectInANewWindow()
    {
        var page = await Portal.NewPageAsync(Browser.Browser);
        var launched = page.WaitForResponseAsync(response => response.Url.Contains($"/t/{_tenant.Tenant}/enrol/"));

        await page.GotoAsync(_platform.CourseUrl(ToolLoginUrl, "moodle-user-43"));

        var signUp = await launched;
        Assert.Equal($"frame-ancestors {_platform.Issuer}", FrameAncestors(await signUp.AllHeadersAsync()));
        Assert.False((await signUp.AllHeadersAsync()).ContainsKey("x-frame-options"));
        var tool = page.FrameLocator("iframe[title='ORCID tool']");
        await Assertions.Expect(tool.GetByRole(AriaRole.Heading, new() { Name = "Connect your ORCID iD for Laser Safety 101" })).ToBeVisibleAsync();
        await Assertions.Expect(tool.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" })).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(tool.GetByText("Connect opens in a new window")).ToBeVisibleAsync();

        // The same sign-up page without the launch's mark, and any other page, still refuse every frame.
        using var client = new HttpClient { BaseAddress = Portal.BaseAddress };
        foreach (var path in new[] { new Uri(signUp.Url).AbsolutePath, $"/t/{_tenant.Tenant}?env=sandbox", "/" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal("frame-ancestors 'none'", FrameAncestors(response.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value))));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
        // Another registered tenant's platform mark does not open this page to frames either.
        using var otherMark = await client.GetAsync(new Uri(signUp.Url).AbsolutePath + "?lti=no-such-platform");
        Assert.Equal("DENY", Assert.Single(otherMark.Headers.GetValues("X-Frame-Options")));
    }

    private static string? FrameAncestors(IReadOnlyDictionary<string, string> headers) =>
        headers.GetValueOrDefault("content-security-policy")?.Split(';', StringSplitOptions.TrimEntries).SingleOrDefault(d => d.StartsWith("frame-ancestors", StringComparison.Ordinal));

    [Theory]
    [InlineData("forged", "signature does not match")]
    [InlineData("expired", "has expired")]
    [InlineData("audience", "not for this tool")]
    [InlineData("deployment", "another deployment")]
    [InlineData("message", "Only resource-link launches")]
    [InlineData("nonce", "nonce is not the one this login sent")]
    public async Task AFlawedLaunchIsRefusedSayingWhy(string flaw, string reason)
    {
        var (state, nonce) = await LoginAsync();
        var token = _platform.IdToken("user-7", flaw == "nonce" ? "another-nonce" : nonce, forged: flaw == "forged", expired: flaw == "expired",
            audience: flaw == "audience" ? "someone-else" : LtiPlatformLookAlike.ClientId,
            deploymentId: flaw == "deployment" ? "deployment-2" : LtiPlatformLookAlike.DeploymentId,
            messageType: flaw == "message" ? "LtiDeepLinkingRequest" : "LtiResourceLinkRequest");

        using var launched = await LaunchAsync(token, state);

        Assert.Equal(HttpStatusCode.Unauthorized, launched.StatusCode);
        Assert.Contains(reason, (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AReplayedLaunchIsRefused()
    {
        var (state, nonce) = await LoginAsync();
        var token = _platform.IdToken("user-8", nonce);

        using var first = await LaunchAsync(token, state);
        using var replay = await LaunchAsync(token, state);
        var (otherState, _) = await LoginAsync();
        using var underAnotherState = await LaunchAsync(token, otherState);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith($"/t/{_tenant.Tenant}/enrol/", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("already used", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, underAnotherState.StatusCode);
        Assert.Contains("nonce", (await underAnotherState.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheToolPublishesItsOwnKeysAndALoginFromAnotherIssuerIsRefused()
    {
        using var tool = new HttpClient { BaseAddress = Portal.BaseAddress };
        var jwks = await tool.GetFromJsonAsync<JsonElement>(_registered.GetProperty("toolJwksUrl").GetString());
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _));
        using var rotated = await _tenant.Api.PostAsync($"/api/v1/tenants/{_tenant.Tenant}/lti/keys/rotate", null);
        var added = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kid").GetString();
        var after = await tool.GetFromJsonAsync<JsonElement>(_registered.GetProperty("toolJwksUrl").GetString());
        Assert.Equal([key.GetProperty("kid").GetString(), added], after.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Portal.BaseAddress };
        using var login = await noRedirects.GetAsync($"{ToolLoginUrl.PathAndQuery}?iss=https://evil.example&login_hint=u&client_id={LtiPlatformLookAlike.ClientId}");
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    /// <summary>The platform's login initiation at the tool; answers the state and nonce the tool sent to the platform.</summary>
    private async Task<(string State, string Nonce)> LoginAsync()
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var login = await noRedirects.GetAsync(
            $"{ToolLoginUrl}?iss={Uri.EscapeDataString(_platform.Issuer)}&login_hint=user&client_id={LtiPlatformLookAlike.ClientId}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var query = QueryHelpers.ParseQuery(login.Headers.Location!.Query);
        Assert.StartsWith(_platform.AuthorizationEndpoint, login.Headers.Location.AbsoluteUri);
        Assert.Equal($"{Portal.BaseAddress}lti/{_tenant.Tenant}/moodle/launch", query["redirect_uri"].ToString());
        return (query["state"].ToString(), query["nonce"].ToString());
    }

    private async Task<HttpResponseMessage> LaunchAsync(string idToken, string state)
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Portal.BaseAddress };
        return await noRedirects.PostAsync($"/lti/{_tenant.Tenant}/moodle/launch",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token"] = idToken, ["state"] = state }));
    }
}
