using System.Net.Http.Json;
using System.Text.Json;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Hosting;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>The embedded portal on real Kestrel, for a real browser.</summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly PortalFactory _factory;
    private readonly List<IBrowserContext> _contexts = [];
    private SimulatorControls? _sandboxControls;

    /// <param name="settings">More configuration, e.g. another staff sign-in provider.</param>
    public PortalServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        // Links, and the sign-in redirect the sandbox simulator registers, name this address.
        _factory = new PortalFactory
        {
            Settings =
            {
                [PortalAddress.SettingName] = BaseAddress.ToString(),
                // The badge verifier fetches this portal's own keys and status lists, at a loopback address.
                ["Badges:Verifier:AllowPrivateNetworks"] = "true",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _factory.Settings[key] = value;
        }
        _factory.UseKestrel(BaseAddress.Port);
        _factory.StartServer();
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Opens a page and waits until its Blazor circuit is interactive, so clicks are not lost.</summary>
    public async Task<IPage> OpenAsync(IBrowser browser, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }

    /// <summary>The sandbox ORCID simulator the portal signs staff in with.</summary>
    public Uri Sandbox => Services.GetRequiredService<EmbeddedOrcid>().Addresses.First();

    /// <summary>The production ORCID simulator: offline, the registry that production iDs link to.</summary>
    public Uri Production => Services.GetRequiredService<EmbeddedOrcid>().Addresses.Last();

    public static (string Name, string Email, string Password, string Orcid) DemoOperator => EmbeddedOrcid.DemoOperator;

    /// <summary>An API client with the operator's key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", _factory.OperatorApiKey);
        return client;
    }

    /// <summary>A new consortium with one new member organisation, made with the operator's key; answers the organisation's slug.</summary>
    public async Task<string> CreateTenantAsync()
    {
        using var api = CreateApiClient();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "cons-" + suffix, name = "Consortium " + suffix })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/cons-{suffix}/tenants", new { slug = "org-" + suffix, name = "University " + suffix })).EnsureSuccessStatusCode();
        return "org-" + suffix;
    }

    /// <summary>
    /// A member API client registered at the sandbox simulator, redirecting to this portal: ORCID accepts a redirect URI that
    /// starts with a registered one, so <c>{portal}/t/</c> covers every member organisation's <c>/t/{tenant}/orcid/callback</c>.
    /// </summary>
    public async Task<(string ClientId, string ClientSecret)> RegisterSandboxClientAsync(string name)
    {
        var (clientId, clientSecret) = await SandboxControls.RegisterClientAsync(name, $"{BaseAddress}t/");
        return (clientId, clientSecret);
    }

    /// <summary>A new person at the sandbox simulator, as ORCID's /_sim/researchers makes them.</summary>
    public async Task<(string Orcid, string Password)> CreateResearcherAsync(string givenNames, string familyNames, string email)
    {
        var (orcid, password) = await SandboxControls.CreateResearcherAsync(givenNames, familyNames, email);
        return (orcid, password);
    }

    /// <summary>The researcher connects to <paramref name="tenant"/> in sandbox through the researcher page's real endpoints and
    /// ORCID's authorize page, as a browser without JavaScript would.</summary>
    public async Task ConnectResearcherAsync(string tenant, string orcid)
    {
        await DecideNextConsentAsync(orcid, "authorize");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };
        using var orcidPages = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var toOrcid = await browser.GetAsync($"/t/{tenant}/connect?env=sandbox");
        using var back = await orcidPages.GetAsync(toOrcid.Headers.Location);
        using var landed = await browser.GetAsync(back.Headers.Location!.PathAndQuery);
        Assert.Equal($"/t/{tenant}?env=sandbox&outcome=connected", landed.Headers.Location?.OriginalString);
    }

    /// <summary>A member organisation of a new consortium ready to issue in sandbox: its ORCID client (redirecting to the portal),
    /// organisation and the template <c>laser-2</c> titled <paramref name="title"/>. Answers the operator's API client and the client id.</summary>
    public async Task<(HttpClient Api, string ClientId)> SetUpSandboxTenantAsync(string consortium, string tenant, string name, string title)
    {
        var api = CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Consortium " + name })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug = tenant, name })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await RegisterSandboxClientAsync(name);
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/organisation",
            new { name, rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/templates/laser-2",
            new { title, department = "Radiation Protection Office", validityMonths = 24 })).EnsureSuccessStatusCode();
        return (api, clientId);
    }

    /// <summary>The sandbox simulator's test controls.</summary>
    public SimulatorControls SandboxControls => _sandboxControls ??= new SimulatorControls(Sandbox);

    /// <summary>Signs the page in as <paramref name="orcid"/>: the simulator decides the next consent at once, as ORCID would after a sign-in.</summary>
    public async Task SignInAsync(IPage page, string orcid, string returnPath = "/")
    {
        await DecideNextConsentAsync(orcid, "authorize");
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnPath)}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    /// <summary>Pre-decides the sandbox simulator's next authorize request: it signs in as <paramref name="orcid"/> and answers
    /// <paramref name="decision"/> (<c>authorize</c> or <c>deny</c>) at once, redirecting like ORCID does.</summary>
    public Task DecideNextConsentAsync(string orcid, string decision) => SandboxControls.DecideNextConsentAsync(orcid, decision == "authorize");

    /// <summary>A GET of one of the sandbox simulator's test controls, e.g. <c>/_sim/records/{orcid}</c>.</summary>
    public async Task<JsonElement> GetFromSandboxAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = Sandbox };
        return await http.GetFromJsonAsync<JsonElement>(path);
    }

    /// <summary>Puts a qualification on a sandbox record as ORCID stores it: written by <paramref name="sourceClientId"/>, or self-asserted when null.</summary>
    public Task PutOnSandboxRecordAsync(string orcid, string? sourceClientId, string title) =>
        SandboxControls.PutQualificationAsync(orcid, sourceClientId, title);

    /// <summary>A page in a browser context of its own, for pages without a Blazor circuit (the researcher pages are static).</summary>
    public async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        var context = await browser.NewContextAsync(options);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Close the circuits first: the silo's graceful stop would otherwise wait on them.
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        _sandboxControls?.Dispose();
        await _factory.DisposeAsync();
    }
}
