using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>Claim links end to end: a course platform asks for a link (REST API), the learner opens it in a real browser, goes
/// through ORCID's authorize page (the sandbox simulator decides at once what <c>/_sim/next-consent</c> told it), and the
/// qualification is written once to the iD that claimed it first.</summary>
public sealed class ClaimLinkTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task LearnerClaimsTheQualificationAndItIsWrittenOnceEvenWhenClaimedAgain()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var lee = await Portal.CreateResearcherAsync("Lee", "Learner", "lee@example.org");
        var created = await links.CreateAsync("ls101-lee", "lee@example.org");
        var id = created.GetProperty("id").GetString()!;
        var claimUrl = created.GetProperty("claimUrl").GetString()!;
        Assert.Equal("sandbox.ls101-lee", id);
        Assert.StartsWith($"{Portal.BaseAddress}t/{links.Tenant}/claim/", claimUrl);
        // The token after the handle carries 256 random bits.
        Assert.True(claimUrl.Split('/')[^1].Split('.')[1].Length >= 43, claimUrl);
        Assert.InRange(created.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(91));
        // The platform retries: the same claim and link, answered 200.
        var again = await links.CreateAsync("ls101-lee", "lee@example.org", HttpStatusCode.OK);
        Assert.Equal(claimUrl, again.GetProperty("claimUrl").GetString());
        Assert.Equal("awaiting-claim", (await links.ListedAsync(id)).GetProperty("status").GetString());

        var page = await Portal.NewPageAsync(Browser.Browser);
        await page.GotoAsync(claimUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Claim your qualification: {ClaimLinks.Title}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"You completed {ClaimLinks.CourseName} on 2026-11-30.")).ToBeVisibleAsync();
        var written = page.Locator("dl[aria-label='What will be written']");
        await Assertions.Expect(written).ToContainTextAsync("Radiation Protection Office");
        await Assertions.Expect(written).ToContainTextAsync("2026-11-30");
        await Assertions.Expect(written).ToContainTextAsync("2028-11-30");

        await Portal.DecideNextConsentAsync(lee.Orcid, "authorize");
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{links.Tenant}/claim/[^?]+\\?env=sandbox&outcome=connected$"));
        await Assertions.Expect(page.GetByText("You claimed this qualification with your ORCID iD")).ToBeVisibleAsync();
        var issuance = await links.WaitUntilWrittenAsync(id);
        Assert.Equal(lee.Orcid, issuance.GetProperty("orcid").GetString());
        Assert.Equal("2026-11-30", issuance.GetProperty("startDate").GetString());
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("claim-status")).ToContainTextAsync("Laser Lab has written it to your ORCID record.");
        Assert.Equal("in-orcid", (await links.ListedAsync(id)).GetProperty("status").GetString());

        // Lee opens the link again later and connects again: nothing is written twice.
        var later = await Portal.NewPageAsync(Browser.Browser);
        await Portal.DecideNextConsentAsync(lee.Orcid, "authorize");
        await later.GotoAsync($"/t/{links.Tenant}/connect?env=sandbox&claim={Uri.EscapeDataString(claimUrl.Split('/')[^1])}");
        await Assertions.Expect(later.GetByText("You claimed this qualification with your ORCID iD")).ToBeVisibleAsync();
        var onRecord = Assert.Single(await links.OnRecordAsync(lee.Orcid));
        Assert.Equal(issuance.GetProperty("putCode").GetInt64(), onRecord.GetProperty("put-code").GetInt64());
        Assert.Equal(ClaimLinks.Title, onRecord.GetProperty("role-title").GetString());
    }

    [Fact]
    public async Task LearnerWhoDeniesIsToldNothingWasWrittenAndCanClaimOnSecondThought()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var dana = await Portal.CreateResearcherAsync("Dana", "Doubt", "dana@example.org");
        var created = await links.CreateAsync("ls101-dana", "dana@example.org");
        var id = created.GetProperty("id").GetString()!;
        var page = await Portal.NewPageAsync(Browser.Browser);
        await page.GotoAsync(created.GetProperty("claimUrl").GetString()!);

        await Portal.DecideNextConsentAsync(dana.Orcid, "deny");
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/t/{links.Tenant}/claim/[^?]+\\?env=sandbox&outcome=denied$"));
        await Assertions.Expect(page.GetByText("You denied permission, so nothing was written to your ORCID record.")).ToBeVisibleAsync();
        Assert.Empty(await links.OnRecordAsync(dana.Orcid));
        Assert.Equal("awaiting-claim", (await links.ListedAsync(id)).GetProperty("status").GetString());

        await Portal.DecideNextConsentAsync(dana.Orcid, "authorize");
        await page.GetByRole(AriaRole.Link, new() { Name = "Try again: connect your ORCID iD" }).ClickAsync();

        await Assertions.Expect(page.GetByText("You claimed this qualification with your ORCID iD")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You denied permission")).ToHaveCountAsync(0);
        var issuance = await links.WaitUntilWrittenAsync(id);
        Assert.Equal(dana.Orcid, issuance.GetProperty("orcid").GetString());
        Assert.Single(await links.OnRecordAsync(dana.Orcid));
    }

    [Fact]
    public async Task ASecondIdGetsNothingFromALinkTheFirstClaimed()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var first = await Portal.CreateResearcherAsync("Fay", "First", "fay@example.org");
        var second = await Portal.CreateResearcherAsync("Sam", "Second", "sam@example.org");
        var created = await links.CreateAsync("ls101-fay", "fay@example.org");
        var claimUrl = created.GetProperty("claimUrl").GetString()!;
        // Both have the page open before anyone claims (a forwarded link).
        var fays = await Portal.NewPageAsync(Browser.Browser);
        await fays.GotoAsync(claimUrl);
        var sams = await Portal.NewPageAsync(Browser.Browser);
        await sams.GotoAsync(claimUrl);

        await Portal.DecideNextConsentAsync(first.Orcid, "authorize");
        await fays.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();
        await Assertions.Expect(fays.GetByText("You claimed this qualification with your ORCID iD")).ToBeVisibleAsync();

        await Portal.DecideNextConsentAsync(second.Orcid, "authorize");
        await sams.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" }).ClickAsync();
        await Assertions.Expect(sams).ToHaveURLAsync(new Regex("&problem=claim-used$"));
        await Assertions.Expect(sams.GetByText("this qualification was claimed by another ORCID iD first, so nothing was written to your record")).ToBeVisibleAsync();
        await Assertions.Expect(sams.GetByText("This qualification has already been claimed by another ORCID iD")).ToBeVisibleAsync();
        await Assertions.Expect(sams.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" })).ToHaveCountAsync(0);

        // A third browser, nobody connected: told the same, with nothing to click.
        var stranger = await Portal.NewPageAsync(Browser.Browser);
        await stranger.GotoAsync(claimUrl);
        await Assertions.Expect(stranger.GetByText("This qualification has already been claimed by another ORCID iD")).ToBeVisibleAsync();
        await Assertions.Expect(stranger.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" })).ToHaveCountAsync(0);

        var issuance = await links.WaitUntilWrittenAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(first.Orcid, issuance.GetProperty("orcid").GetString());
        Assert.Single(await links.OnRecordAsync(first.Orcid));
        Assert.Empty(await links.OnRecordAsync(second.Orcid));
    }

    [Fact]
    public async Task AMadeUpLinkIsRefused()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var created = await links.CreateAsync("ls101-real", "real@example.org");
        var token = created.GetProperty("claimUrl").GetString()!.Split('/')[^1];
        var page = await Portal.NewPageAsync(Browser.Browser);

        // The right handle with a wrong secret.
        await page.GotoAsync($"/t/{links.Tenant}/claim/{token.Split('.')[0]}.{new string('A', 43)}");

        await Assertions.Expect(page.GetByText("This claim link is not valid.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" })).ToHaveCountAsync(0);
    }
}
