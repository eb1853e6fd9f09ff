using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ConsortiumPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private PortalServer _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _portal.DisposeAsync().AsTask();

    [Fact]
    public async Task OperatorAddsAConsortiumThenAMemberOrganisationToIt()
    {
        var page = await _portal.OpenAsync(browser.Browser, "/consortia");
        await page.GetByLabel("Slug").FillAsync("nz-consortium");
        await page.GetByLabel("Name").FillAsync("New Zealand ORCID Consortium");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add consortium" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New Zealand ORCID Consortium" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New Zealand ORCID Consortium" })).ToBeVisibleAsync();
        await page.GetByLabel("Slug").FillAsync("lab-one");
        await page.GetByLabel("Name").FillAsync("Laboratory One");
        await page.GetByLabel("ROR id (optional)").FillAsync("https://ror.org/02mhbdp94");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();

        var row = page.GetByTestId("tenant-table").Locator("tbody tr", new() { HasText = "Laboratory One" });
        await Assertions.Expect(row).ToContainTextAsync("lab-one");
        await Assertions.Expect(row).ToContainTextAsync("02mhbdp94");
        await Assertions.Expect(page.GetByText("Added Laboratory One.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MalformedSlugIsExplainedAtTheFieldAndNothingIsAdded()
    {
        var page = await _portal.OpenAsync(browser.Browser, "/consortia");

        await page.GetByLabel("Slug").FillAsync("Not A Slug");
        await page.GetByLabel("Name").FillAsync("Badly Named");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add consortium" }).ClickAsync();

        await Assertions.Expect(page.GetByText("The slug must be 3 to 40 lower-case letters")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No consortia yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("Badly Named");
    }
}
