using System.Security.Cryptography;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.State;
using Consortium.Silo.Hosting;

namespace Consortium.Portal.Hosting;

/// <summary>
/// Starts the sandbox and production ORCID simulators with the portal, registers the portal's staff sign-in
/// client and a demo operator in the sandbox one, and points configuration at them.
/// </summary>
public sealed class EmbeddedOrcid(IReadOnlyList<OrcidSimulatorOptions> environments, SimulatedResearcher demoOperator) : IHostedService, IAsyncDisposable
{
    private readonly List<WebApplication> _simulators = [];

    public SimulatedResearcher DemoOperator { get; } = demoOperator;

    public static void AddEmbeddedOrcid(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(EmbeddedOrcidOptions.SectionName).Get<EmbeddedOrcidOptions>() ?? new();
        var mode = builder.Configuration.GetValue("Orleans:Mode", HostingMode.Embedded);
        if (!options.Enabled || mode != HostingMode.Embedded)
        {
            return;
        }

        var staffClient = new SimulatedClient("APP-" + RandomHex(8).ToUpperInvariant(), RandomHex(18), "Consortium portal",
            [.. PortalUrls(options.PortalUrls ?? builder.Configuration["Urls"]).Select(url => $"{url}/signin-oidc")]);
        var demoOperator = new SimulatedResearcher(OrcidId.Parse("0000-0002-1825-0097").Value, "Demo", "Operator", "operator@demo.example", RandomHex(4));
        OrcidSimulatorOptions[] environments =
        [
            new() { Url = options.SandboxUrl, Environment = "sandbox", Clients = [staffClient], Researchers = [demoOperator] },
            new() { Url = options.ProductionUrl, Environment = "production" },
        ];

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Staff:Oidc:Authority"] = options.SandboxUrl,
            ["Staff:Oidc:ClientId"] = staffClient.ClientId,
            ["Staff:Oidc:ClientSecret"] = staffClient.ClientSecret,
            ["Staff:Oidc:DisplayName"] = "ORCID (sandbox simulator)",
            [$"Staff:OperatorOrcids:{builder.Configuration.GetSection("Staff:OperatorOrcids").GetChildren().Count()}"] = demoOperator.Orcid,
            ["Orcid:Sandbox:OAuthUrl"] = options.SandboxUrl,
            ["Orcid:Sandbox:MemberApiUrl"] = $"{options.SandboxUrl}/v3.0",
            ["Orcid:Sandbox:PublicApiUrl"] = $"{options.SandboxUrl}/pub/v3.0",
            ["Orcid:Production:OAuthUrl"] = options.ProductionUrl,
            ["Orcid:Production:MemberApiUrl"] = $"{options.ProductionUrl}/v3.0",
            ["Orcid:Production:PublicApiUrl"] = $"{options.ProductionUrl}/pub/v3.0",
        });
        var embedded = new EmbeddedOrcid(environments, demoOperator);
        builder.Services.AddSingleton(embedded);
        builder.Services.AddHostedService(services => services.GetRequiredService<EmbeddedOrcid>());
    }

    /// <summary>Builds the simulators only now, after the portal's own host is built: tools that watch for
    /// the first web host built in a process (WebApplicationFactory) must find the portal's.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var environment in environments)
        {
            var simulator = OrcidSimulatorApp.Build(environment);
            _simulators.Add(simulator);
            await simulator.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var simulator in _simulators)
        {
            await simulator.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in _simulators)
        {
            await simulator.DisposeAsync();
        }
    }

    public IEnumerable<Uri> Addresses => _simulators.Select(simulator => simulator.Address());

    private static IEnumerable<string> PortalUrls(string? urls) =>
        (urls ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(url => url.TrimEnd('/'));

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
