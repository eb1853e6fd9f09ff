using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Consortium.Orcid.Configuration;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;
using Consortium.OrcidSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consortium.Orcid.Tests.Conformance;

[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Simulator";
}

/// <summary>One simulator on a free loopback port, and the ORCID client configured against it as the sandbox.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public static readonly Uri RedirectUri = new("https://portal.example.org/t/acme/orcid/callback");

    /// <summary>Short enough that the latency fault test stays quick, long enough for a loaded 2-core machine.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>ORCID calls webhooks in batches about every five minutes; tests cannot wait that long.</summary>
    public static readonly TimeSpan WebhookBatchInterval = TimeSpan.FromMilliseconds(200);

    readonly OrcidSimulatorOptions options;
    WebApplication simulator = null!;
    ServiceProvider services = null!;

    public Uri BaseUrl { get; private set; } = null!;
    public HttpClient Controls { get; private set; } = null!;
    public OrcidClients Clients { get; private set; } = null!;
    public RecordingLoggerProvider Log { get; } = new();

    public SimulatorFixture() : this(new OrcidSimulatorOptions
    {
        Urls = "http://127.0.0.1:0",
        SeedDemoResearchers = false,
        WebhookBatchInterval = WebhookBatchInterval,
        WebhookRetryDelay = WebhookBatchInterval,
    })
    {
    }

    /// <summary>A simulator with other options, for a test that starts and disposes its own (xunit needs one public constructor).</summary>
    internal SimulatorFixture(OrcidSimulatorOptions options) => this.options = options;

    public async Task InitializeAsync()
    {
        simulator = OrcidSimulatorApp.Build(options);
        await simulator.StartAsync();
        BaseUrl = new Uri(simulator.Urls.Single());
        // Without auto-redirect, so tests can read ORCID's redirect back to the portal.
        Controls = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUrl };

        var endpoints = OrcidEndpoints.Simulator(BaseUrl);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orcid:Sandbox:OAuthUrl"] = endpoints.OAuthUrl!.AbsoluteUri,
            ["Orcid:Sandbox:MemberApiUrl"] = endpoints.MemberApiUrl!.AbsoluteUri,
            ["Orcid:Sandbox:PublicApiUrl"] = endpoints.PublicApiUrl!.AbsoluteUri,
            ["Orcid:AttemptTimeout"] = AttemptTimeout.ToString(),
            ["Orcid:RetryBaseDelay"] = "00:00:00.050",
        }).Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Log))
            .AddOrcidClient()
            .BuildServiceProvider();
        Clients = services.GetRequiredService<OrcidClients>();
    }

    public async Task DisposeAsync()
    {
        Controls.Dispose();
        await services.DisposeAsync();
        await simulator.DisposeAsync();
    }

    public async Task<OrcidClientCredentials> RegisterClientAsync(string name)
    {
        var created = await PostAsync<NewClientResponse>("/_sim/clients", new NewClientRequest(name, [RedirectUri.AbsoluteUri]));
        return new OrcidClientCredentials(created.ClientId, created.ClientSecret);
    }

    public async Task<OrcidId> AddResearcherAsync(string givenNames = "Test", string familyNames = "Researcher")
    {
        var created = await PostAsync<NewResearcherResponse>("/_sim/researchers",
            new NewResearcherRequest(givenNames, familyNames, $"{Guid.NewGuid():N}@example.org"));
        return OrcidId.Parse(created.Orcid);
    }

    /// <summary>Queues the researcher's decision, opens the authorize URL like a browser, and returns ORCID's redirect.</summary>
    public async Task<Uri> AuthorizeRedirectAsync(OrcidClientCredentials client, OrcidId orcid, string decision, IReadOnlyList<string> scopes, string state, string? nonce = null)
    {
        using var consent = await Controls.PostAsJsonAsync("/_sim/next-consent", new NextConsentRequest(orcid.Value, decision));
        consent.EnsureSuccessStatusCode();
        var url = Clients.OAuth(OrcidEnvironment.Sandbox).BuildAuthorizeUrl(new AuthorizeRequest
        {
            ClientId = client.ClientId,
            Scopes = scopes,
            RedirectUri = RedirectUri,
            State = state,
            Nonce = nonce,
        });
        using var response = await Controls.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>The full consent: authorize, then exchange the code from the redirect.</summary>
    public async Task<OrcidToken> ConnectAsync(OrcidClientCredentials client, OrcidId orcid, params string[] scopes)
    {
        var redirect = await AuthorizeRedirectAsync(client, orcid, "authorize", scopes, state: "state-1");
        var code = HttpUtility.ParseQueryString(redirect.Query)["code"]!;
        return await Clients.OAuth(OrcidEnvironment.Sandbox).ExchangeCodeAsync(client, code, RedirectUri);
    }

    /// <summary>A fresh client and researcher, connected with /activities/update and /read-limited.</summary>
    public async Task<ConformanceTarget> NewTargetAsync(string clientName = "Example University")
    {
        var client = await RegisterClientAsync(clientName);
        var orcid = await AddResearcherAsync();
        var token = await ConnectAsync(client, orcid, OrcidScopes.ActivitiesUpdate, OrcidScopes.ReadLimited);
        return new ConformanceTarget(Clients, OrcidEnvironment.Sandbox, client, orcid, token.ToAccess(client.ClientId));
    }

    public async Task StartFaultAsync(string kind, double rate, double durationSeconds, int latencyMilliseconds = 0)
    {
        using var response = await Controls.PostAsJsonAsync("/_sim/faults", new FaultRequest(kind, rate, durationSeconds, latencyMilliseconds));
        response.EnsureSuccessStatusCode();
    }

    public async Task StopFaultsAsync()
    {
        using var response = await Controls.DeleteAsync("/_sim/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Puts the record in an ORCID state (<c>active</c>, <c>locked</c>, <c>deactivated</c>, <c>deprecated</c> into <paramref name="primary"/>).</summary>
    public async Task SetRecordStateAsync(OrcidId orcid, string state, OrcidId? primary = null)
    {
        using var response = await Controls.PostAsJsonAsync($"/_sim/records/{orcid}/state", new RecordStateRequest(state, primary?.Value));
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> RecordAsync(OrcidId orcid) =>
        await Controls.GetFromJsonAsync<JsonElement>($"/_sim/records/{orcid}");

    public async Task<IReadOnlyList<TokenView>> TokensAsync(string clientId) =>
        (await Controls.GetFromJsonAsync<List<TokenView>>($"/_sim/tokens?clientId={clientId}"))!;

    public async Task<IReadOnlyList<WebhookView>> HooksAsync(OrcidId orcid) =>
        (await Controls.GetFromJsonAsync<List<WebhookView>>($"/_sim/records/{orcid}/webhooks"))!;

    async Task<T> PostAsync<T>(string path, object body)
    {
        using var response = await Controls.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
