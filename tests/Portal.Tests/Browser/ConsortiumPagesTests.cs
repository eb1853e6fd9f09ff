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
    public async Task WaitingInvitationsAreListedSentAgainWithANewLinkOrCancelledAndTheLeadIsListedByName()
    {
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, PortalServer.DemoOperator.Orcid, "/consortia");
        await page.GetByLabel("Slug").FillAsync("waiting-consortium");
        await page.GetByLabel("Name").FillAsync("Waiting Consortium");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add consortium" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Waiting Consortium" }).ClickAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        const string subject = "You are invited to lead Waiting Consortium on Consortium";
        var links = new List<string>();
        foreach (var address in new[] { "gone@example.org", "wanda@example.org" })
        {
            await page.GetByLabel("Lead's email address").FillAsync(address);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("waiting-invitations")).ToContainTextAsync(address);
            links.Add(await NewestLinkOtherThanAsync(subject, links.LastOrDefault() ?? ""));
        }
        var (goneLink, firstLink) = (links[0], links[1]);

        // Cancelled: no longer listed, and its link refuses whoever follows it.
        var gone = page.GetByTestId("waiting-invitations").Locator("tr", new() { HasText = "gone@example.org" });
        await gone.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Cancelled the invitation to gone@example.org.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("waiting-invitations")).Not.ToContainTextAsync("gone@example.org");

        // Sent again: a new link, and the first one no longer works.
        var wanda = page.GetByTestId("waiting-invitations").Locator("tr", new() { HasText = "wanda@example.org" });
        await wanda.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Invitation sent again to wanda@example.org, with a new link; the old one no longer works.")).ToBeVisibleAsync();
        var secondLink = await NewestLinkOtherThanAsync(subject, firstLink);

        var lead = await Portal.CreateResearcherAsync("Wanda", "Waite", "wanda@example.org");
        var leadPage = await Portal.NewPageAsync(Browser.Browser);
        await Portal.SignInAsync(leadPage, lead.Orcid, new Uri(goneLink).PathAndQuery);
        await Assertions.Expect(leadPage.GetByTestId("invitation-refused")).ToContainTextAsync("cancelled");
        await leadPage.GotoAsync(new Uri(firstLink).PathAndQuery);
        await Assertions.Expect(leadPage.GetByTestId("invitation-refused")).ToContainTextAsync("not valid");
        await leadPage.GotoAsync(new Uri(secondLink).PathAndQuery);
        await Assertions.Expect(leadPage.GetByTestId("invitation-accepted")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("lead-table")).ToContainTextAsync("Wanda Waite");
        await Assertions.Expect(page.GetByTestId("lead-table")).ToContainTextAsync(lead.Orcid);
        await Assertions.Expect(page.GetByTestId("waiting-invitations")).ToHaveCountAsync(0);
    }

    private static string InvitationLink(string body) => Regex.Match(body, "http\\S+/invitations/\\S+").Value;

    /// <summary>The link of the newest invitation email with this subject, once it is not <paramref name="other"/>.</summary>
    private async Task<string> NewestLinkOtherThanAsync(string subject, string other)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (InvitationLink(await TestMailbox.BodyAsync(Portal.Services, subject)) is var link && link == other)
        {
            Assert.True(DateTime.UtcNow < deadline, "No new invitation email arrived.");
            await Task.Delay(50);
        }
        return InvitationLink(await TestMailbox.BodyAsync(Portal.Services, subject));
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
