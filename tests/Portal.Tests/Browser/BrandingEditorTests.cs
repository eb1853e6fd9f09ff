using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>The branding sub-page: a colour picker, a live preview of the researcher page's header, the logo shown as soon as it
/// is saved, and a refused file shown as refused with its reason.</summary>
public sealed class BrandingEditorTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\"><rect width=\"120\" height=\"40\" fill=\"#123456\"/></svg>";

    [Fact]
    public async Task ThePreviewFollowsTheFormAndOnlyASavedLogoIsShownAsAccepted()
    {
        var tenant = await Portal.CreateTenantAsync();
        var page = await Portal.NewPageAsync(Browser.Browser, new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, $"/tenants/{tenant}/branding");
        var preview = page.GetByTestId("branding-preview");
        var header = preview.Locator("header.tenant-brand");
        await Assertions.Expect(preview.Locator(".tenant-brand-name")).ToHaveTextAsync(tenant.Replace("org-", "University "));
        await Assertions.Expect(preview.Locator("img")).ToHaveCountAsync(0);

        // The name and the colour change in the preview as they are typed, before anything is saved.
        await page.GetByLabel("Display name").FillAsync("Lab Two");
        await Assertions.Expect(preview.Locator(".tenant-brand-name")).ToHaveTextAsync("Lab Two");
        await page.GetByLabel("Primary colour").FillAsync("#123456");
        await page.GetByLabel("Primary colour").PressAsync("Tab");
        await Assertions.Expect(header).ToHaveCSSAsync("border-bottom-color", "rgb(18, 52, 86)");

        // The colour can be picked, too: the picker opens on its button.
        await page.GetByTestId("colour-picker").GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-picker-color-content").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        // A file that is not an image is refused, said so with the reason, and never listed as if it were accepted.
        await UploadAsync(page, new FilePayload { Name = "fake.png", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });
        await Assertions.Expect(page.GetByTestId("logo-error")).ToHaveTextAsync("fake.png was rejected: The logo must be a PNG, JPEG or SVG image. The logo shown is unchanged.");
        await Assertions.Expect(page.GetByTestId("logo-saved")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("fake.png")).ToHaveCountAsync(1);
        await Assertions.Expect(preview.Locator("img")).ToHaveCountAsync(0);

        var tooLarge = new byte[300 * 1024];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(tooLarge, 0);
        await UploadAsync(page, new FilePayload { Name = "huge.png", MimeType = "image/png", Buffer = tooLarge });
        await Assertions.Expect(page.GetByTestId("logo-error")).ToHaveTextAsync("huge.png was rejected: The logo must be at most 256 KB. The logo shown is unchanged.");

        // A real logo is saved and shown in the preview at once.
        await UploadAsync(page, new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml", Buffer = System.Text.Encoding.UTF8.GetBytes(Svg) });
        await Assertions.Expect(page.GetByTestId("logo-saved")).ToHaveTextAsync("logo.svg is saved as the logo.");
        await Assertions.Expect(page.GetByTestId("logo-error")).ToHaveCountAsync(0);
        await Assertions.Expect(preview.Locator("img")).ToBeVisibleAsync();
        Assert.True(await preview.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save branding" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Branding saved.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByLabel("Primary colour")).ToHaveValueAsync("#123456");
        await Assertions.Expect(header).ToHaveCSSAsync("border-bottom-color", "rgb(18, 52, 86)");

        // The researcher page shows what the preview showed.
        var researcher = await Portal.NewPageAsync(Browser.Browser);
        await researcher.GotoAsync($"/t/{tenant}?env=sandbox");
        await Assertions.Expect(researcher.Locator(".tenant-brand-name")).ToHaveTextAsync("Lab Two");
        await Assertions.Expect(researcher.Locator("header.tenant-brand")).ToHaveCSSAsync("border-bottom-color", "rgb(18, 52, 86)");

        // On a phone the preview goes under the form, and nothing scrolls sideways.
        await page.SetViewportSizeAsync(390, 844);
        await preview.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(preview).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }

    /// <summary>Chooses a file as a person does: the Upload logo button opens the browser's file chooser.</summary>
    private static async Task UploadAsync(IPage page, FilePayload file)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Upload logo" }).ClickAsync());
        await chooser.SetFilesAsync(file);
    }
}
