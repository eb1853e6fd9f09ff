using System.Text.RegularExpressions;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

public sealed class ConsortiumPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task OperatorAddsAConsortiumThenAMemberOrganisationToIt()
    {
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/consortia");
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
    public async Task AfterASuccessfulSaveTheClearedFormShowsNoErrors()
    {
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/consortia");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.GetByLabel("Slug").FillAsync("clean-consortium");
        await page.GetByLabel("Name").FillAsync("Clean Consortium");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add consortium" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Added Clean Consortium.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Slug")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByText("Enter a slug.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Enter the consortium's name.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-input-error")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Clean Consortium" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clean Consortium" })).ToBeVisibleAsync();
        await page.GetByLabel("Slug").FillAsync("clean-org");
        await page.GetByLabel("Name").FillAsync("Clean Organisation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Added Clean Organisation.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Slug")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByText("Enter a slug.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Enter the organisation's name.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-input-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task InvitedLeadSignsInWithOrcidAcceptsAndSeesOnlyTheirConsortium()
    {
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/consortia");
        foreach (var (slug, name) in new[] { ("led-consortium", "Led Consortium"), ("other-consortium", "Other Consortium") })
        {
            await page.GetByLabel("Slug").FillAsync(slug);
            await page.GetByLabel("Name").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add consortium" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Led Consortium" }).ClickAsync();
        await page.GetByLabel("Lead's email address").FillAsync("lead@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Invitation sent to lead@example.org.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The lead reads the email and opens the link.
        var lead = await Portal.CreateResearcherAsync("Lea", "Lead", "lead@example.org");
        var leadPage = await Portal.NewPageAsync(Browser.Browser);
        var link = Regex.Match(await TestMailbox.BodyAsync(Portal.Services, "You are invited to lead Led Consortium on Consortium"), "http\\S+/invitations/\\S+").Value;
        await leadPage.GotoAsync(link);
        await OrcidSignInPage.SignInAsync(leadPage, "lead@example.org", lead.Password);

        await Assertions.Expect(leadPage.GetByTestId("invitation-accepted")).ToHaveTextAsync("You are now lead of consortium 'led-consortium'.");
        await leadPage.GotoAsync("/consortia");
        await Assertions.Expect(leadPage.GetByRole(AriaRole.Link, new() { Name = "Led Consortium" })).ToBeVisibleAsync();
        await Assertions.Expect(leadPage.GetByRole(AriaRole.Link, new() { Name = "Other Consortium" })).ToHaveCountAsync(0);
        await Assertions.Expect(leadPage.GetByRole(AriaRole.Button, new() { Name = "Add consortium" })).ToHaveCountAsync(0);
        // The lead adds a member organisation and invites its admin in one go.
        await leadPage.GetByRole(AriaRole.Link, new() { Name = "Led Consortium" }).ClickAsync();
        await Assertions.Expect(leadPage.GetByTestId("lead-table")).ToContainTextAsync($"{Portal.Production}{lead.Orcid}");
        await leadPage.GetByLabel("Slug").FillAsync("lab-three");
        await leadPage.GetByLabel("Name", new() { Exact = true }).FillAsync("Laboratory Three");
        await leadPage.GetByLabel("Admin's email (optional)").FillAsync("admin@lab-three.example");
        await leadPage.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        await Assertions.Expect(leadPage.GetByText("Added Laboratory Three; an invitation to administer it was sent to admin@lab-three.example.")).ToBeVisibleAsync();
        Assert.Contains("/invitations/", await TestMailbox.BodyAsync(Portal.Services, "You are invited to administer Laboratory Three on Consortium"));

        await leadPage.GotoAsync("/consortia/other-consortium");
        await Assertions.Expect(leadPage.GetByText("There is nothing at this address")).ToBeVisibleAsync();

        // The link works for one person only: anyone else who gets hold of it is refused.
        await leadPage.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        var someoneElse = await Portal.CreateResearcherAsync("Eve", "Else", "eve@example.org");
        await Portal.SignInAsync(leadPage, someoneElse.Orcid, new Uri(link).PathAndQuery);
        await Assertions.Expect(leadPage.GetByTestId("invitation-refused")).ToContainTextAsync("used already");
    }

    [Fact]
    public async Task MalformedSlugIsExplainedAtTheFieldAndNothingIsAdded()
    {
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/consortia");

        await page.GetByLabel("Slug").FillAsync("Not A Slug");
        await page.GetByLabel("Name").FillAsync("Badly Named");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add consortium" }).ClickAsync();

        await Assertions.Expect(page.GetByText("The slug must be 3 to 40 lower-case letters")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No consortia yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("Badly Named");
    }
}
