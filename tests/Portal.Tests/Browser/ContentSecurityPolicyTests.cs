using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>Issue #11, item 10: the script policy lets Blazor and MudBlazor run, and Chromium reports no violation of it.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task StaffPagesGoInteractiveUnderThePolicyWithoutAViolation()
    {
        var page = await Portal.NewPageAsync(Browser.Browser);
        var violations = RecordViolations(page);

        await page.GotoAsync("/");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/consortia");
        await page.GotoAsync("/t/no-such-org?env=sandbox");

        Assert.Empty(violations);
    }

    /// <summary>Chromium reports each refused script on the console and as a securitypolicyviolation event.</summary>
    private static List<string> RecordViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        page.PageError += (_, error) => violations.Add(error);
        return violations;
    }
}
