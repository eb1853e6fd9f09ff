using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>An admin sees invitation emails the mail server never took, on the issuance's row and in the team, and re-sends them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InvitationEmailPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    // Down until the test starts it.
    private readonly SmtpServerFixture _smtp = new();
    private PortalServer _portal = null!;
    private bool _smtpStarted;

    public Task InitializeAsync()
    {
        _portal = new PortalServer(new Dictionary<string, string>
        {
            ["Email:Delivery"] = "Smtp",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = _smtp.Port.ToString(),
            ["Email:SmtpStartTls"] = "false",
            // One attempt, so the send fails at once.
            ["EmailOutbox:MaxAttempts"] = "1",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        if (_smtpStarted)
        {
            await _smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task AFailedInvitationShowsOnItsRowAndInTheTeamAndReSendDeliversEach()
    {
        using var api = _portal.CreateApiClient();
        var tenant = await _portal.CreateTenantAsync();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/organisation",
            new { name = "Mail University", rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/templates/laser-2", new { title = "Laser Safety Level 2", validityMonths = 24 })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await _portal.RegisterSandboxClientAsync("Mail University");
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        var researcher = $"researcher-{Guid.NewGuid():N}@example.org";
        var admin = $"admin-{Guid.NewGuid():N}@example.org";
        (await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", email = researcher, externalId = "mail-1" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/invitations", new { email = admin })).EnsureSuccessStatusCode();
        await IssuingTenant.WaitUntilAsync(async () =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/outbox")).EnumerateArray()
                .Count(email => email.GetProperty("email").GetProperty("status").GetString() == "failed") == 2);
        await _smtp.InitializeAsync();
        _smtpStarted = true;

        var page = await _portal.OpenAsync(browser.Browser, "/");
        await _portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{tenant}");
        await page.OpenSectionAsync("Issuing");
        var row = page.GetByTestId("issuance-table").Locator("tr", new() { HasText = "mail-1" });
        await Assertions.Expect(row).ToContainTextAsync("Invitation: failed");
        await Assertions.Expect(row).ToContainTextAsync("Connection refused");
        await row.GetByTestId("resend-invitation").ClickAsync();
        await Assertions.Expect(page.GetByText("Sending the invitation for mail-1 again.")).ToBeVisibleAsync();
        Assert.Contains($"/t/{tenant}?env=sandbox&invite=", Assert.Single(await _smtp.WaitForMessagesToAsync(researcher)).TextBody);

        await page.OpenSectionAsync("Team");
        var unsent = page.GetByTestId("unsent-invitations").Locator("tr", new() { HasText = admin });
        await Assertions.Expect(unsent).ToContainTextAsync("Invitation: failed");
        await unsent.GetByTestId("resend-invitation").ClickAsync();
        await Assertions.Expect(page.GetByText($"Sending the invitation to {admin} again.")).ToBeVisibleAsync();
        Assert.Contains("/invitations/", Assert.Single(await _smtp.WaitForMessagesToAsync(admin)).TextBody);
    }
}
