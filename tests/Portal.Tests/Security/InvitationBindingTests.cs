using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Consortium.Portal.Tests.Browser;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Security;

/// <summary>With <c>Invitations:RequireMatchingEmail</c>, an invitation link found by someone else does not make them
/// staff: a sign-in that does not vouch for the invited address (ORCID's never does) waits for the consortium to confirm it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InvitationBindingTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Subject = "You are invited to administer Bound University on Consortium";
    private readonly PortalServer _portal = new(new Dictionary<string, string> { ["Invitations:RequireMatchingEmail"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _portal.DisposeAsync().AsTask();

    [Fact]
    public async Task AnAcceptanceWithoutAMatchingVerifiedEmailGrantsNothingUntilTheConsortiumConfirmsIt()
    {
        var api = _portal.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "bound-consortium", name = "Bound Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/bound-consortium/tenants", new { slug = "bound-org", name = "Bound University", adminEmail = "admin@bound.example" }))
            .EnsureSuccessStatusCode();
        var finder = await _portal.CreateResearcherAsync("Mallory", "Finder", "mallory@example.org");

        // Whoever follows the link signs in with ORCID, which names no email: the role waits.
        var page = await _portal.NewPageAsync(browser.Browser);
        await _portal.DecideNextConsentAsync(finder.Orcid, "authorize");
        await page.GotoAsync(InvitationLink().Match(await TestMailbox.BodyAsync(_portal.Services, Subject)).Value);
        await Assertions.Expect(page.GetByTestId("invitation-waiting")).ToContainTextAsync("admin of member organisation 'bound-org'");
        await page.GotoAsync("/tenants/bound-org");
        await Assertions.Expect(page.GetByText("There is nothing at this address")).ToBeVisibleAsync();

        // The operator (or a lead) sees it waiting on the consortium dashboard and confirms it.
        var operatorPage = await _portal.OpenAsync(browser.Browser, "/");
        await _portal.SignInAsync(operatorPage, PortalServer.DemoOperator.Orcid, "/consortia/bound-consortium");
        var waiting = operatorPage.GetByTestId("pending-table");
        await Assertions.Expect(waiting).ToContainTextAsync(finder.Orcid);
        await Assertions.Expect(waiting).ToContainTextAsync("admin@bound.example");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(operatorPage.GetByText($"{finder.Orcid} is now admin of member organisation 'bound-org'.")).ToBeVisibleAsync();
        await Assertions.Expect(waiting).ToHaveCountAsync(0);

        await page.GotoAsync("/tenants/bound-org");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bound University" })).ToBeVisibleAsync();
        var audit = await api.GetFromJsonAsync<JsonElement>("/api/v1/tenants/bound-org/audit?action=invitation.");
        Assert.Equal(["invitation.confirmed", "invitation.awaiting-confirmation", "invitation.sent"],
            audit.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("action").GetString()));
    }

    [GeneratedRegex("http\\S+/invitations/\\S+")]
    private static partial Regex InvitationLink();
}
