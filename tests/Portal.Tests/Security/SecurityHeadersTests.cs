using System.Net;
using System.Text.RegularExpressions;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Security;

/// <summary>Issue #11, item 10: the security headers on every kind of response, and HTTPS behind a TLS proxy.</summary>
public sealed partial class SecurityHeadersTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private readonly PortalServer _portal = portal.Server;

    [Theory]
    [InlineData("/")]                                      // staff page
    [InlineData("/consortia")]                             // staff page that needs sign-in
    [InlineData("/t/no-such-org?env=sandbox")]             // researcher page
    [InlineData("/t/no-such-org/certificates/sandbox.x")]  // certificate page
    [InlineData("/api/v1/consortia")]                      // API (401)
    [InlineData("/openapi/v1.json")]                       // API document
    [InlineData("/app.css")]                               // static file
    [InlineData("/_framework/blazor.web.js")]              // Blazor's script
    [InlineData("/no/such/page")]                          // error page (not found)
    [InlineData("/health/live")]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _portal.BaseAddress };

        var response = await http.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches("^script-src 'self' 'nonce-[0-9a-f]{32}'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'$", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task TheImportMapCarriesThisResponsesNonce()
    {
        using var http = new HttpClient { BaseAddress = _portal.BaseAddress };

        var response = await http.GetAsync("/");

        var nonce = Nonce().Match(Assert.Single(response.Headers.GetValues("Content-Security-Policy"))).Groups["nonce"].Value;
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
    }

    [Fact]
    public async Task BehindATlsProxyTheRequestIsHttpsAndGetsHsts()
    {
        using var http = new HttpClient { BaseAddress = _portal.BaseAddress };
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/");
        proxied.Headers.Host = "portal.example";
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        using var direct = new HttpRequestMessage(HttpMethod.Get, "/");
        direct.Headers.Host = "portal.example";

        var throughProxy = await http.SendAsync(proxied);
        var plain = await http.SendAsync(direct);

        Assert.StartsWith("max-age=", Assert.Single(throughProxy.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")]
    private static partial Regex Nonce();
}
