using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Consortium.Portal.Billing;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>The lead subscribes on the consortium dashboard, pays on the Stripe look-alike's checkout page and comes back to an active subscription.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BillingPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private PortalServer _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalServer(new Dictionary<string, string>
        {
            ["Billing:Stripe:Simulator:Enabled"] = "true",
            ["Billing:Plans:consortium-annual:Name"] = "Consortium annual",
            ["Billing:Plans:consortium-annual:Currency"] = "nzd",
            ["Billing:Plans:consortium-annual:ConsortiumFee"] = "1000",
            ["Billing:Plans:consortium-annual:Tiers:small"] = "500",
            ["Billing:Plans:consortium-annual:Tiers:standard"] = "1200",
            ["Billing:Plans:consortium-annual:Tiers:large"] = "3000",
        });
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _portal.DisposeAsync().AsTask();

    [Fact]
    public async Task TheLeadSubscribesThroughTheCheckoutPageAndSeesTheSubscriptionActive()
    {
        using var api = _portal.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "paying", name = "Paying Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/paying/tenants", new { slug = "paying-uni", name = "Paying University" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/paying/invitations", new { email = "lead@example.org" })).EnsureSuccessStatusCode();
        var lead = await _portal.CreateResearcherAsync("Lea", "Lead", "lead@example.org");
        var page = await _portal.NewPageAsync(browser.Browser);
        var link = Regex.Match(await TestMailbox.BodyAsync(_portal.Services, "You are invited to lead Paying Consortium on Consortium"), "http\\S+/invitations/\\S+").Value;
        await page.GotoAsync(link);
        await OrcidSignInPage.SignInAsync(page, "lead@example.org", lead.Password);
        await Assertions.Expect(page.GetByTestId("invitation-accepted")).ToBeVisibleAsync();

        await page.GotoAsync("/consortia/paying");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("billing-status")).ToHaveTextAsync("none");
        await page.GetByTestId("billing-subscribe").ClickAsync();

        // The look-alike's checkout page: 1,000 fee and one standard member at 1,200.
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("2,200.00 NZD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/consortia/paying\\?billing=done$"));
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("billing-status")).ToHaveTextAsync("active");
        await Assertions.Expect(page.GetByTestId("billing-invoices")).ToContainTextAsync("paid");
        await Assertions.Expect(page.GetByTestId("billing-manage")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("billing-usage-none")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("billing-pending")).ToHaveCountAsync(0);

        // Stripe refuses the quantity change of a member joining: the dashboard says the update is pending.
        var subscriptionId = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/consortia/paying/billing")).GetProperty("subscriptionId").GetString();
        using var stripe = new HttpClient { BaseAddress = _portal.Services.GetRequiredService<EmbeddedStripe>().Address };
        (await stripe.PostAsync($"/_sim/subscriptions/{subscriptionId}/refuse-updates?count=1", null)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/paying/tenants", new { slug = "paying-poly", name = "Paying Polytechnic" })).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("billing-pending")).ToHaveTextAsync("pending update");
    }
}
