using Consortium.Orcid.Configuration;
using System.Security.Cryptography;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.State;
using Consortium.Silo.Hosting;

namespace Consortium.Portal.Hosting;

/// <summary>
/// Starts the sandbox and production ORCID simulators with the portal, registers the portal's staff sign-in
/// client in the sandbox one, makes its demo researcher an operator, and points configuration at them.
/// </summary>
public sealed class EmbeddedOrcid(IReadOnlyList<OrcidSimulatorOptions> environments) : IHostedService, IAsyncDisposable
{
    private readonly List<WebApplication> _simulators = [];

    /// <summary>Who to sign in as on a first run: the sandbox simulator's demo researcher, made an operator.</summary>
    public static (string Name, string Email, string Password, string Orcid) DemoOperator { get; } = (
        $"{OrcidSimulatorApp.DemoResearcher.GivenNames} {OrcidSimulatorApp.DemoResearcher.FamilyNames}",
        OrcidSimulatorApp.DemoResearcher.Email, OrcidSimulatorApp.DemoPassword, OrcidSimulatorApp.DemoResearcher.Orcid);

    /// <summary>The demo member organisation's sandbox client. Fixed, so the client the portal stored in an earlier run
    /// matches the simulator even when it keeps no state.</summary>
    public static SimClient DemoTenantClient { get; } = new("APP-DEMO000000000001", "demo-sandbox-client-secret", "Demo University", []);

    public static void AddEmbeddedOrcid(WebApplicationBuilder builder, PortalAddress portal)
    {
        var options = builder.Configuration.GetSection(EmbeddedOrcidOptions.SectionName).Get<EmbeddedOrcidOptions>() ?? new();
        var mode = builder.Configuration.GetValue("Orleans:Mode", HostingMode.Embedded);
        if (options.Enabled == true && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{EmbeddedOrcidOptions.SectionName}:Enabled is true in Production: the ORCID simulators accept any password and sign anyone in "
                + "as the demo operator, so a Production portal never runs them. Remove the setting, and configure real ORCID (Orcid:Sandbox:*, "
                + "Orcid:Production:*) and staff sign-in (Staff:Oidc:*).");
        }
        if (!(options.Enabled ?? builder.Environment.IsDevelopment()) || mode != HostingMode.Embedded)
        {
            return;
        }

        var staffClient = new SimClient("APP-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18)),
            "Consortium portal", [portal.For("/signin-oidc").AbsoluteUri]);
        var demoTenantClient = DemoTenantClient with { RedirectUris = [portal.For("/t/").AbsoluteUri] };
        var dataDirectory = builder.Configuration.GetSection(OrleansHostingOptions.SectionName).Get<OrleansHostingOptions>()?.DataDirectory ?? "data";
        string? StateFile(OrcidEnvironment environment) => options.KeepState
            ? Path.GetFullPath(Path.Combine(dataDirectory, $"orcid-simulator-{environment.ToString().ToLowerInvariant()}.json"))
            : null;
        OrcidSimulatorOptions[] environments =
        [
            new()
            {
                Urls = options.SandboxUrl, Environment = OrcidEnvironment.Sandbox, Clients = [staffClient, demoTenantClient],
                WebhookBatchInterval = options.WebhookBatchInterval, StateFile = StateFile(OrcidEnvironment.Sandbox),
            },
            new()
            {
                Urls = options.ProductionUrl, Environment = OrcidEnvironment.Production, WebhookBatchInterval = options.WebhookBatchInterval,
                StateFile = StateFile(OrcidEnvironment.Production),
            },
        ];

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Staff:Oidc:Authority"] = options.SandboxUrl,
            ["Staff:Oidc:ClientId"] = staffClient.ClientId,
            ["Staff:Oidc:ClientSecret"] = staffClient.ClientSecret,
            ["Staff:Oidc:DisplayName"] = "ORCID (sandbox simulator)",
            [$"Staff:OperatorOrcids:{builder.Configuration.GetSection("Staff:OperatorOrcids").GetChildren().Count()}"] = DemoOperator.Orcid,
        });
        builder.Configuration.AddInMemoryCollection(
            OrcidEndpoints.Settings(OrcidEndpoints.Simulator(new Uri(options.SandboxUrl)), OrcidEndpoints.Simulator(new Uri(options.ProductionUrl))));
        var embedded = new EmbeddedOrcid(environments);
        builder.Services.AddSingleton(embedded);
        builder.Services.AddHostedService(services => services.GetRequiredService<EmbeddedOrcid>());
    }

    public IEnumerable<Uri> Addresses => _simulators.Select(simulator => simulator.Address());

    /// <summary>Registers a member API client in the simulator of <paramref name="environment"/>, as a member does on ORCID's
    /// developer tools, so that setting up an organisation offline needs no terminal.</summary>
    public SimClient RegisterClient(OrcidEnvironment environment, string name, Uri redirectUri) =>
        _simulators.Single(simulator => simulator.Services.GetRequiredService<OrcidSimulatorOptions>().Environment == environment)
            .Services.GetRequiredService<OAuthStore>().RegisterClient(name, [redirectUri.AbsoluteUri]);

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
}
