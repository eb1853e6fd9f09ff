using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>Moving between a member organisation's sub-pages as a person does: through the left-hand navigation.</summary>
public static class TenantNavigation
{
    /// <summary>Clicks <paramref name="title"/> in the organisation's navigation and waits for that sub-page.</summary>
    public static async Task OpenSectionAsync(this IPage page, string title)
    {
        await page.GetByTestId("tenant-nav").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("section-title")).ToHaveTextAsync(title);
    }
}
