using Consortium.Orcid.Configuration;
using Consortium.Grains.Issuing;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.Silo.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Consortium.Grains.Tests.Infrastructure;

/// <summary>
/// A real in-process Orleans cluster with the same SQLite storage configuration as embedded mode,
/// on a fresh database file of its own.
/// </summary>
public sealed class SqliteTestCluster : IAsyncDisposable
{
    private readonly WebApplication[] _orcid;

    private SqliteTestCluster(InProcessTestCluster cluster, string databasePath, WebApplication[] orcid) =>
        (Cluster, DatabasePath, _orcid) = (cluster, databasePath, orcid);

    /// <summary>The simulated ORCID sandbox the silo talks to.</summary>
    public Uri OrcidSandbox => _orcid[0].Address();

    /// <summary>The simulated ORCID production environment, with data of its own.</summary>
    public Uri OrcidProduction => _orcid[1].Address();

    public InProcessTestCluster Cluster { get; }

    public string DatabasePath { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>The services of the (first) silo running now: what its grains are given.</summary>
    public IServiceProvider Services => Cluster.Silos[0].SiloHost.Services;

    public static async Task<SqliteTestCluster> StartAsync(Action<ISiloBuilder>? configureSilo = null)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "consortium-tests", $"grains-{Guid.NewGuid():N}.db");
        WebApplication[] orcid =
        [
            OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Sandbox }),
            OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Production }),
        ];
        foreach (var environment in orcid)
        {
            await environment.StartAsync();
        }
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(
            OrcidEndpoints.Settings(OrcidEndpoints.Simulator(orcid[0].Address()), OrcidEndpoints.Simulator(orcid[1].Address()))));
        // State and reminder rows are keyed by ServiceId: it must survive silo restarts, as in production.
        builder.Options.ServiceId = "consortium-tests";
        // One silo on one SQLite file, as in embedded mode.
        builder.Options.InitialSilosCount = 1;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseConsortiumSqliteStorage(databasePath);
            silo.Services.AddOrcidClient();
            silo.Services.AddSingleton<Consortium.Grains.Snapshots.TenantSnapshots>();
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new SqliteTestCluster(cluster, databasePath, orcid);
    }

    /// <summary>A cluster for crash tests: work resumes quickly after a restart, and <paramref name="gate"/> decides which storage
    /// write the silo dies on.</summary>
    public static Task<SqliteTestCluster> StartCrashableAsync(StateWriteGate gate) => StartAsync(silo =>
    {
        ResumeQuickly(silo);
        GatedGrainStorage.UseStateWriteGate(silo, gate);
    });

    /// <summary>Pending issuing work resumes within seconds of a restart, and retries come quickly: for tests that kill silos.</summary>
    public static void ResumeQuickly(ISiloBuilder silo)
    {
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.Services.Configure<IssuingOptions>(options =>
        {
            options.WakeUpPeriod = TimeSpan.FromSeconds(2);
            options.RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];
        });
    }

    /// <summary>Kills the silo without warning, as kill -9 would, and starts a new one on the same database.</summary>
    public async Task KillAndRestartSiloAsync()
    {
        await Cluster.KillSiloAsync(Assert.Single(Cluster.Silos));
        await Cluster.StartAdditionalSiloAsync();
        await Cluster.InitializeClientAsync();
    }

    /// <summary>Grain state is binary: looks for the text's UTF-8 bytes in every row of grain state.</summary>
    public async Task<bool> StateContainsAsync(string text)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        while (await reader.ReadAsync())
        {
            if (((byte[])reader[0]).AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        foreach (var environment in _orcid)
        {
            await environment.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, Path.GetFileName(DatabasePath) + "*"))
        {
            File.Delete(file);
        }
    }
}
