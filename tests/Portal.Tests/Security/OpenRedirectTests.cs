using System.Net;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Security;

/// <summary>Issue #11, item 4: after staff sign-in only a path on this site is followed; anything else goes to the overview.</summary>
public sealed class OpenRedirectTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private readonly PortalServer _portal = portal.Server;

    public static TheoryData<string> OffSite =>
    [
        "%2F%09%2Fevil.example%2Fphish",          // "/<tab>/evil.example/phish": browsers drop the tab, leaving //evil.example
        "%2F%0D%0ALocation%3A%20https%3A%2F%2Fevil.example", // CR LF: a second header
        "%2F%0Aevil.example",
        "%2F%00evil.example",
        "%09%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%2F%2Fevil.example",
        "%2F%5Cevil.example",                     // "/\evil.example": browsers read the backslash as a slash
        "%5C%5Cevil.example",
        "%2F%09%5Cevil.example",
        "https%3A%2F%2Fevil.example%2F",
        "HTTPS:%2F%2Fevil.example",
        "%2F%2Fevil.example%2F%40portal",
        "javascript%3Aalert(1)",
        "evil.example",
        "",
    ];

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task AReturnUrlOffThisSiteOrWithControlCharactersGoesToTheOverview(string encodedReturnUrl)
    {
        using var browser = new StaffBrowserSession(_portal);

        var landed = await browser.SignInAsync(encodedReturnUrl);

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/", landed.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("%2Fconsortia", "/consortia")]
    [InlineData("%2Ftenants%2Fdemo%3Ftab%3Dissuing", "/tenants/demo?tab=issuing")]
    [InlineData("%2F", "/")]
    public async Task AReturnUrlOnThisSiteIsFollowed(string encodedReturnUrl, string expected)
    {
        using var browser = new StaffBrowserSession(_portal);

        var landed = await browser.SignInAsync(encodedReturnUrl);

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal(expected, landed.Headers.Location?.OriginalString);
    }
}
