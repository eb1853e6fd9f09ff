using Consortium.Orcid.Configuration;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Consortium.Silo.Tests.Infrastructure;
using Npgsql;

namespace Consortium.Silo.Tests.Cluster;

/// <summary>
/// A cluster of real processes on loopback, as an operator runs one (README, "Hosting modes"): silos
/// (<c>dotnet Consortium.Silo.dll</c>), portals in <c>Orleans:Mode=Client</c> and the ORCID simulator on its own, all on a
/// throw-away PostgreSQL database, each process on ports of its own and logging to a file in <see cref="LogDirectory"/>.
/// Silos and portals run as Staging: outside Development like Production, which would refuse the ORCID simulator. Disposing kills every process and drops the database, whatever state the test left.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    /// <summary>The xunit collection of every test that starts a process cluster: one cluster at a time on the machine.</summary>
    public const string Collection = "Process clusters";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly List<ClusterProcess> _silos = [];
    private readonly List<ClusterProcess> _portals = [];
    private readonly IReadOnlyDictionary<string, string> _extraSettings;

    private ProcessCluster(PostgresTestDatabase database, string logDirectory, IReadOnlyDictionary<string, string> extraSettings)
    {
        Database = database;
        LogDirectory = logDirectory;
        _extraSettings = extraSettings;
    }

    public PostgresTestDatabase Database { get; }

    /// <summary>One log file per process; named in every failure the harness reports.</summary>
    public string LogDirectory { get; }

    public string ClusterId { get; } = "cluster-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The operator's REST API key of every portal.</summary>
    public string OperatorApiKey { get; } = "op." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public ClusterProcess Simulator { get; private set; } = null!;

    /// <summary>The simulator's address, which serves as ORCID sandbox and production alike.</summary>
    public Uri SimulatorUrl { get; private set; } = null!;

    public IReadOnlyList<ClusterProcess> Silos => _silos;

    public IReadOnlyList<ClusterProcess> Portals => _portals;

    /// <summary>Where each portal listens, by its process.</summary>
    public Dictionary<ClusterProcess, Uri> PortalUrls { get; } = [];

    /// <summary>Each silo's endpoint as the membership table names it (<c>127.0.0.1:port</c>), by its process.</summary>
    public Dictionary<ClusterProcess, string> SiloEndpoints { get; } = [];

    /// <param name="settings">Configuration for every silo and portal, over the harness's own (e.g. <c>Issuing:WakeUpPeriod</c>).</param>
    /// <param name="postgresServer">The server for the cluster's database: the shared one (<c>CONSORTIUM_TEST_POSTGRES</c>) when null,
    /// or, for a test that restarts PostgreSQL, a <see cref="ThrowawayPostgres"/> of its own.</param>
    public static async Task<ProcessCluster> StartAsync(int silos = 2, int portals = 1, IReadOnlyDictionary<string, string>? settings = null,
        string? postgresServer = null)
    {
        var logDirectory = Path.Combine(AppContext.BaseDirectory, "cluster-logs", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(logDirectory);
        var cluster = new ProcessCluster(await PostgresTestDatabase.CreateAsync(postgresServer), logDirectory, settings ?? new Dictionary<string, string>());
        try
        {
            await cluster.StartSimulatorAsync();
            // The first silo applies the schema; the others then join without waiting on its lock.
            await cluster.AddSiloAsync();
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => cluster.AddSiloAsync()));
            await Task.WhenAll(Enumerable.Range(0, portals).Select(_ => cluster.AddPortalAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and returns once it is Active in the membership table.</summary>
    public async Task<ClusterProcess> AddSiloAsync()
    {
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        var name = $"silo{_silos.Count + 1}";
        var silo = new ClusterProcess(name, BuiltApp.Silo, Settings(name, new()
        {
            ["Orleans:SiloPort"] = siloPort.ToString(),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(),
            // The silo's own web host (health, dashboard): a port of its own, not the default 8081 every silo would share.
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            // All on loopback: unset, a cluster silo would advertise the host's own address.
            ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        }), LogDirectory);
        lock (_silos)
        {
            _silos.Add(silo);
        }
        SiloEndpoints[silo] = $"127.0.0.1:{siloPort}";
        await StartSiloAsync(silo);
        return silo;
    }

    /// <summary>Starts a silo again (after <see cref="ClusterProcess.Kill"/>) on its ports, and waits until it is Active.</summary>
    public async Task StartSiloAsync(ClusterProcess silo)
    {
        // Not a log line: the silo logs Orleans at Warning (its appsettings.json), so the membership table tells when it runs.
        // A restarted silo is a new generation on the same endpoint: only its own row counts, not its former self's.
        var former = (await MembershipAsync()).Where(m => m.Endpoint == SiloEndpoints[silo]).Select(m => m.Generation).ToHashSet();
        silo.Start();
        await WaitUntilAsync(async () => (await MembershipAsync()).Any(m =>
                m.Endpoint == SiloEndpoints[silo] && m.Status == SiloMembership.Active && !former.Contains(m.Generation)),
            StartTimeout, $"{silo.Name} is not Active in the membership table; see {silo.LogPath}.");
    }

    /// <summary>Starts a portal in client mode and returns once its <c>/health/ready</c> answers 200.</summary>
    public async Task<ClusterProcess> AddPortalAsync()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var name = $"portal{_portals.Count + 1}";
        var portal = new ClusterProcess(name, BuiltApp.Portal, Settings(name, new()
        {
            ["Orleans:Mode"] = "Client",
            ["Urls"] = url.ToString().TrimEnd('/'),
            ["Consortium:PublicBaseUrl"] = url.ToString().TrimEnd('/'),
            ["Consortium:OperatorApiKey"] = OperatorApiKey,
            ["Consortium:SeedDemoData"] = "false",
            ["Orcid:Simulators:Enabled"] = "false",
            ["Staff:Oidc:Authority"] = SimulatorUrl.ToString(),
            // Required to start; the tests sign no staff member in (they use the operator key).
            ["Staff:Oidc:ClientId"] = "APP-CLUSTERTESTS0001",
            ["Staff:Oidc:ClientSecret"] = "cluster-tests-secret",
        }), LogDirectory);
        lock (_portals)
        {
            _portals.Add(portal);
        }
        PortalUrls[portal] = url;
        portal.Start();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilAsync(async () =>
        {
            portal.EnsureRunning();
            try
            {
                return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (Exception notYet) when (notYet is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
                return false;
            }
        }, StartTimeout, $"{name} did not answer /health/ready; see {portal.LogPath}.");
        return portal;
    }

    /// <summary>An HTTP client for the portal's REST API as the operator.</summary>
    public HttpClient CreateApiClient(ClusterProcess? portal = null, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = PortalUrls[portal ?? _portals[0]], Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorApiKey);
        return client;
    }

    /// <summary>The cluster's rows of the membership table, as Orleans keeps them.</summary>
    public async Task<IReadOnlyList<SiloMembership>> MembershipAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand(
            "SELECT address, port, generation, siloname, status, iamalivetime FROM orleansmembershiptable WHERE deploymentid = @cluster", connection);
        select.Parameters.AddWithValue("cluster", ClusterId);
        var rows = new List<SiloMembership>();
        try
        {
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new SiloMembership($"{reader.GetString(0)}:{reader.GetInt32(1)}", reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4),
                    reader.GetDateTime(5)));
            }
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No silo has applied the schema yet.
        }
        return rows;
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; past <paramref name="timeout"/> fails with <paramref name="failure"/>
    /// and where the logs are.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{failure} (waited {timeout}; logs in {LogDirectory})");
            }
            await Task.Delay(100);
        }
    }

    private async Task StartSimulatorAsync()
    {
        SimulatorUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        Simulator = new ClusterProcess("orcid-simulator", BuiltApp.OrcidSimulator, new Dictionary<string, string>
        {
            ["Urls"] = SimulatorUrl.ToString().TrimEnd('/'),
            ["SeedDemoResearchers"] = "false",
        }, LogDirectory);
        var listening = Simulator.ExpectLogAsync("Now listening on", StartTimeout);
        Simulator.Start();
        await listening;
    }

    /// <summary>What every silo and portal of this cluster is given: the database, the cluster's names, the key ring's KEK, the
    /// simulator as both ORCID environments, mail kept in a folder, and the test's own settings on top.</summary>
    private Dictionary<string, string> Settings(string name, Dictionary<string, string> own)
    {
        var settings = new Dictionary<string, string>
        {
            // A few connections a process: the PostgreSQL server is shared by every test (100 connections in all).
            ["ConnectionStrings:Consortium"] = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { MaxPoolSize = 20 }.ConnectionString,
            ["Orleans:ServiceId"] = "consortium-tests", // as ConsortiumHosts names it, so a test may join a client of its own
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:DataDirectory"] = Path.Combine(LogDirectory, name + "-data"),
            ["DataProtection:KeyEncryptionKey"] = ConsortiumHosts.KeyEncryptionKey,
            ["Email:Delivery"] = "Mailbox",
            ["Email:AllowMailboxOutsideDevelopment"] = "true",
        };
        foreach (var (key, value) in OrcidEndpoints.Settings(OrcidEndpoints.Simulator(SimulatorUrl), OrcidEndpoints.Simulator(SimulatorUrl)))
        {
            settings[key] = value!;
        }
        foreach (var (key, value) in own.Concat(_extraSettings))
        {
            settings[key] = value;
        }
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        // Portals first, so no client is left calling into silos that are going.
        foreach (var process in _portals.Concat(_silos).Append(Simulator).OfType<ClusterProcess>())
        {
            await process.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(ProcessCluster.Collection, DisableParallelization = true)]
public sealed class ProcessClusterCollection;

/// <summary>A row of Orleans' membership table. <see cref="Status"/> is Orleans' <c>SiloStatus</c>.</summary>
public sealed record SiloMembership(string Endpoint, int Generation, string SiloName, int Status, DateTime IAmAliveTime)
{
    public const int Active = 3;
    public const int Dead = 6;
}
