using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;
using Microsoft.AspNetCore.Builder;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>An institution's own OpenID Connect provider in addition to ORCID: its people choose it, are known as
/// <c>{provider}:{sub}</c>, and an invitation binds the role to that identity. The provider vouches for its people's email
/// addresses, so with <c>Invitations:RequireMatchingEmail</c> on, the invited address grants at once and another waits.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StaffProvidersTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebApplication _institution = null!;
    private PortalServer _portal = null!;
    private SimulatorControls _idp = null!;

    public async Task InitializeAsync()
    {
        // Another OpenID Connect provider: a simulator instance of its own stands in for the institution's, which names verified emails.
        _institution = OrcidSimulatorApp.Build(new OrcidSimulatorOptions
        {
            Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Production, SeedDemoResearchers = false, IssuesEmailClaims = true,
        });
        await _institution.StartAsync();
        _idp = new SimulatorControls(_institution.Address());
        // Any port of this machine: the portal picks its own when it starts.
        var client = await _idp.RegisterClientAsync("Consortium portal", "http://127.0.0.1:");
        _portal = new PortalServer(new Dictionary<string, string>
        {
            ["Staff:Providers:institute:Authority"] = _institution.Address().AbsoluteUri.TrimEnd('/'),
            ["Staff:Providers:institute:ClientId"] = client.ClientId,
            ["Staff:Providers:institute:ClientSecret"] = client.ClientSecret,
            ["Staff:Providers:institute:DisplayName"] = "Example Institute",
            ["Invitations:RequireMatchingEmail"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _idp.Dispose();
        await _institution.DisposeAsync();
    }

    [Fact]
    public async Task AnInvitedAdminSignsInWithTheInstitutionsProviderAndTheRoleIsBoundToThatIdentity()
    {
        var (api, page) = await InviteAsync("idp-org", "IdP University", "staff@idp.example");
        var subject = (await _idp.CreateResearcherAsync("Ines", "Institute", "staff@idp.example")).Orcid;

        // Two ways to sign in: the person picks the institution's.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sign-in-choices").GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID (sandbox simulator)" })).ToBeVisibleAsync();
        await SignInWithTheInstituteAsync(page, subject);

        await Assertions.Expect(page.GetByTestId("invitation-accepted")).ToHaveTextAsync("You are now admin of member organisation 'idp-org'.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/tenants/idp-org");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.OpenSectionAsync("Team");
        await Assertions.Expect(page.GetByTestId("team-table")).ToContainTextAsync($"institute:{subject}");
        var audit = await api.GetFromJsonAsync<JsonElement>("/api/v1/tenants/idp-org/audit?action=invitation.accepted");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("actor").GetString()!.Contains($"institute:{subject}"));
    }

    [Fact]
    public async Task SomeoneElsesVerifiedEmailLeavesTheAcceptanceWaiting()
    {
        var (_, page) = await InviteAsync("idp-other-org", "IdP Other University", "invited@idp.example");
        var subject = (await _idp.CreateResearcherAsync("Olly", "Other", "someone-else@idp.example")).Orcid;

        await SignInWithTheInstituteAsync(page, subject);

        await Assertions.Expect(page.GetByTestId("invitation-waiting")).ToBeVisibleAsync();
        await page.GotoAsync("/tenants/idp-other-org");
        await Assertions.Expect(page.GetByText("There is nothing at this address")).ToBeVisibleAsync();
    }

    /// <summary>A member organisation of a consortium of its own, an invitation to administer it, and a browser at its link.</summary>
    private async Task<(HttpClient Api, IPage Page)> InviteAsync(string tenant, string name, string email)
    {
        var api = _portal.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = $"{tenant}-c", name = $"{name} Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/{tenant}-c/tenants", new { slug = tenant, name })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/invitations", new { email })).EnsureSuccessStatusCode();
        var page = await _portal.NewPageAsync(browser.Browser);
        await page.GotoAsync(InvitationLink().Match(await TestMailbox.BodyAsync(_portal.Services, $"You are invited to administer {name} on Consortium")).Value);
        return (api, page);
    }

    private async Task SignInWithTheInstituteAsync(IPage page, string subject)
    {
        await _idp.DecideNextConsentAsync(subject, authorize: true);
        await page.GetByTestId("sign-in-choices").GetByRole(AriaRole.Link, new() { Name = "Sign in with Example Institute" }).ClickAsync();
    }

    [GeneratedRegex("http\\S+/invitations/\\S+")]
    private static partial Regex InvitationLink();
}
