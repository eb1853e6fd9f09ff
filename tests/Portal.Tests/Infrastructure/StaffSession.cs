using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>Staff sign-in over plain HTTP against an in-memory portal: the OpenID Connect round trip a browser makes,
/// through the portal's sandbox simulator, ending with the portal's sign-in cookie in the returned client.</summary>
public static class StaffSession
{
    /// <returns>A client of <paramref name="portal"/> signed in as <paramref name="orcid"/>; it does not follow redirects.</returns>
    public static async Task<HttpClient> SignInAsync(PortalFactory portal, string orcid)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var challenge = await client.GetAsync("/signin");
        var authorize = challenge.Headers.Location ?? throw new InvalidOperationException($"/signin answered {(int)challenge.StatusCode} without a redirect.");
        using var controls = new SimulatorControls(portal.Services.GetRequiredService<EmbeddedOrcid>().Addresses.First());
        await controls.DecideNextConsentAsync(orcid, authorize: true);
        using var simulator = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var consent = await simulator.GetAsync(authorize);
        var callback = consent.Headers.Location ?? throw new InvalidOperationException($"The simulator answered {(int)consent.StatusCode} without a redirect.");
        using var signedIn = await client.GetAsync(callback.PathAndQuery);
        if (!signedIn.Headers.TryGetValues("Set-Cookie", out var cookies) || !cookies.Any(cookie => cookie.StartsWith("consortium.staff", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The sign-in callback answered {(int)signedIn.StatusCode} without the staff cookie.");
        }
        return client;
    }
}
