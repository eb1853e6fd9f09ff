using Consortium.Portal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StaffSignInTests(BrowserFixture browser) : IAsyncLifetime
{
    private PortalServer _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _portal.DisposeAsync().AsTask();

    [Fact]
    public async Task OperatorSignsInThroughOrcidAndOut()
    {
        var demo = _portal.Services.GetRequiredService<EmbeddedOrcid>().DemoOperator;
        var page = await _portal.OpenAsync(browser.Browser, "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID (sandbox simulator)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ORCID simulator (sandbox)" })).ToBeVisibleAsync();
        await page.GetByLabel("Email or ORCID iD").FillAsync(demo.Email);
        await page.GetByLabel("Password").FillAsync(demo.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize access" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Demo Operator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID (sandbox simulator)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WrongPasswordIsExplainedAndSignsNobodyIn()
    {
        var demo = _portal.Services.GetRequiredService<EmbeddedOrcid>().DemoOperator;
        var page = await _portal.OpenAsync(browser.Browser, "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID (sandbox simulator)" }).ClickAsync();
        await page.GetByLabel("Email or ORCID iD").FillAsync(demo.Email);
        await page.GetByLabel("Password").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize access" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Sign-in failed: check your email or iD and password.");
        await Assertions.Expect(page.GetByLabel("Email or ORCID iD")).ToHaveValueAsync(demo.Email);
    }
}
