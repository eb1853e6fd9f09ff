using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>Claim links of a portal whose links expire a millisecond after they are made (<c>Claims:Validity</c>).</summary>
public sealed class ExpiredClaimLinkTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override IReadOnlyDictionary<string, string>? PortalSettings => new Dictionary<string, string> { ["Claims:Validity"] = "00:00:00.001" };

    [Fact]
    public async Task AnExpiredLinkSaysSoAndCannotBeClaimed()
    {
        var links = await ClaimLinks.SetUpAsync(Portal);
        var late = await Portal.CreateResearcherAsync("Lou", "Late", "lou@example.org");
        var created = await links.CreateAsync("ls101-lou", "lou@example.org");
        var claimUrl = created.GetProperty("claimUrl").GetString()!;
        var page = await Portal.NewPageAsync(Browser.Browser);

        await page.GotoAsync(claimUrl);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Claim your qualification: {ClaimLinks.Title}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"This claim link expired on {created.GetProperty("expiresAt").GetDateTimeOffset():yyyy-MM-dd}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Connect your ORCID iD" })).ToHaveCountAsync(0);
        Assert.Equal("expired", (await links.ListedAsync(created.GetProperty("id").GetString()!)).GetProperty("status").GetString());

        // Going to connect directly with the link does not reach ORCID: back to the claim page, which says why.
        await Portal.DecideNextConsentAsync(late.Orcid, "authorize");
        await page.GotoAsync($"/t/{links.Tenant}/connect?env=sandbox&claim={Uri.EscapeDataString(claimUrl.Split('/')[^1])}");
        await Assertions.Expect(page.GetByText("This claim link expired on")).ToBeVisibleAsync();
        Assert.Empty(await links.OnRecordAsync(late.Orcid));
    }
}
