using System.Net;
using System.Text.RegularExpressions;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Security;

/// <summary>
/// A browser's cookies and redirects by hand, over real HTTP: the staff sign-in round trip through the sandbox simulator,
/// so a test sees each redirect the portal answers (where a real browser would follow it).
/// </summary>
public sealed partial class StaffBrowserSession(PortalServer portal) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = portal.BaseAddress,
    };

    public HttpClient Http => _http;

    /// <summary>Signs in as the demo operator from <c>/signin?returnUrl=</c><paramref name="encodedReturnUrl"/> (sent as written)
    /// and answers the portal's last redirect, where the sign-in sends the person in the end.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string encodedReturnUrl)
    {
        await portal.DecideNextConsentAsync(PortalServer.DemoOperator.Orcid, "authorize");
        var response = await _http.GetAsync($"/signin?returnUrl={encodedReturnUrl}");
        // To the simulator's authorize page, which answers at once back to /signin-oidc, which sends the person on.
        for (var hop = 0; hop < 2 && response.StatusCode == HttpStatusCode.Redirect; hop++)
        {
            response = await _http.GetAsync(response.Headers.Location);
        }
        return response;
    }

    /// <summary>Whether the overview page shows someone signed in.</summary>
    public async Task<bool> IsSignedInAsync() => (await _http.GetStringAsync("/")).Contains("data-testid=\"signed-in-as\"");

    /// <summary>The antiforgery token of the sign-out form on the overview page.</summary>
    public async Task<string> SignOutTokenAsync() =>
        AntiforgeryToken().Match(await _http.GetStringAsync("/")).Groups["token"].Value;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
