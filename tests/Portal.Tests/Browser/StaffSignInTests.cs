using Consortium.Portal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

public sealed class StaffSignInTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task OperatorSignsInThroughOrcidAndOut()
    {
        var demo = PortalServer.DemoOperator;
        var page = await Portal.OpenAsync(Browser.Browser, "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID (sandbox simulator)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ORCID simulator" })).ToBeVisibleAsync();
        await OrcidSignInPage.SignInAsync(page, demo.Email, demo.Password);

        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(demo.Name);
        await Assertions.Expect(page.GetByTestId("my-roles")).ToContainTextAsync("All consortia (operator)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID (sandbox simulator)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WrongPasswordIsExplainedAndSignsNobodyIn()
    {
        var demo = PortalServer.DemoOperator;
        var page = await Portal.OpenAsync(Browser.Browser, "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with ORCID (sandbox simulator)" }).ClickAsync();
        await OrcidSignInPage.SignInAsync(page, demo.Email, "wrong");

        await Assertions.Expect(page.GetByText("Pick a researcher, or sign in with a known email and its password.")).ToBeVisibleAsync();
        await Assertions.Expect(OrcidSignInPage.SignInFields(page).GetByLabel("Email")).ToHaveValueAsync(demo.Email);
    }
}
