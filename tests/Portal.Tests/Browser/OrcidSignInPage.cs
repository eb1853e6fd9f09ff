using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>The ORCID simulator's sign-in page as a person fills it in.</summary>
public static class OrcidSignInPage
{
    public static ILocator SignInFields(IPage page) => page.GetByRole(AriaRole.Group, new() { Name = "or with email and password" });

    public static ILocator NewResearcherFields(IPage page) => page.GetByRole(AriaRole.Group, new() { Name = "or create a test researcher" });

    /// <summary>Signs in with an email and password and authorizes.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        var fields = SignInFields(page);
        await fields.GetByLabel("Email").FillAsync(email);
        await fields.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize access" }).ClickAsync();
    }
}
