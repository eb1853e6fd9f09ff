using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Orcid;
using Consortium.Portal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Consortium.OrcidSimulator.Controls;

namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>A member organisation of a new consortium, ready to issue <c>laser-2</c> in sandbox through the REST API,
/// with a client registered in the portal's simulator; researchers connect through the researcher page's real endpoints.</summary>
public sealed class IssuingTenant(PortalFactory portal, HttpClient api, string slug) : IDisposable
{
    /// <summary>The tenant's sandbox client at the simulator.</summary>
    public string ClientId { get; private set; } = "";

    public const string TemplateId = "laser-2";

    private readonly HttpClient _simulator = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.OrcidSandbox };

    public string Slug => slug;

    public SimulatorControls Controls { get; } = new(portal.OrcidSandbox);

    /// <summary>The simulator's member API and test controls, without following redirects.</summary>
    public HttpClient Simulator => _simulator;

    public static async Task<IssuingTenant> CreateAsync(PortalFactory portal, HttpClient api)
    {
        _ = portal.Services; // Starts the portal, and with it the simulator.
        var consortium = "iss-" + Guid.NewGuid().ToString("N")[..8];
        var slug = "iss-org-" + Guid.NewGuid().ToString("N")[..8];
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Issuing Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "Issuing University" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{slug}/organisation",
            new { name = "Issuing University", rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{slug}/templates/{TemplateId}",
            new { title = "Laser Safety Level 2", department = "Radiation Protection Office", validityMonths = 24 })).EnsureSuccessStatusCode();
        var tenant = new IssuingTenant(portal, api, slug);
        var (clientId, clientSecret) = await tenant.Controls.RegisterClientAsync("Issuing University",
            $"{portal.Services.GetRequiredService<PortalAddress>().Base}t/");
        (await api.PutAsJsonAsync($"/api/v1/tenants/{slug}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        tenant.ClientId = clientId;
        return tenant;
    }

    /// <summary>A new researcher (named so in the simulator) connects through the researcher page and ORCID's authorize page.</summary>
    public async Task<string> ConnectResearcherAsync(string givenNames = "Ada", string familyNames = "Lovelace")
    {
        var orcid = (await Controls.CreateResearcherAsync(givenNames, familyNames, $"{Guid.NewGuid():N}@example.org")).Orcid;
        await Controls.DecideNextConsentAsync(orcid, authorize: true);
        using var browser = portal.CreateBrowserClient();
        var toOrcid = await browser.GetAsync($"/t/{slug}/connect?env=sandbox");
        var back = await _simulator.GetAsync(toOrcid.Headers.Location);
        var landed = await browser.GetAsync(back.Headers.Location!.PathAndQuery);
        Assert.Equal($"/t/{slug}?env=sandbox&outcome=connected", landed.Headers.Location?.OriginalString);
        return OrcidId.Parse(orcid).Value;
    }

    /// <summary>Polls the API until the issuance has <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForIssuanceAsync(string id, string status)
    {
        JsonElement issuance = default;
        await WaitUntilAsync(async () =>
            (issuance = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{slug}/issuances/{id}")).GetProperty("status").GetString() == status);
        return issuance;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(200, cancel.Token);
        }
    }

    public void Dispose()
    {
        _simulator.Dispose();
        Controls.Dispose();
    }
}
