using Consortium.Silo.Storage;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Consortium.Grains.Tests.Infrastructure;

/// <summary>
/// A real in-process Orleans cluster with the same SQLite storage configuration as embedded mode,
/// on a fresh database file of its own.
/// </summary>
public sealed class SqliteTestCluster : IAsyncDisposable
{
    private SqliteTestCluster(InProcessTestCluster cluster, string databasePath) => (Cluster, DatabasePath) = (cluster, databasePath);

    public InProcessTestCluster Cluster { get; }

    public string DatabasePath { get; }

    public IClusterClient Client => Cluster.Client;

    public static async Task<SqliteTestCluster> StartAsync(Action<ISiloBuilder>? configureSilo = null)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "consortium-tests", $"grains-{Guid.NewGuid():N}.db");
        var builder = new InProcessTestClusterBuilder();
        // State and reminder rows are keyed by ServiceId: it must survive silo restarts, as in production.
        builder.Options.ServiceId = "consortium-tests";
        // One silo on one SQLite file, as in embedded mode.
        builder.Options.InitialSilosCount = 1;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseConsortiumSqliteStorage(databasePath);
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new SqliteTestCluster(cluster, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, Path.GetFileName(DatabasePath) + "*"))
        {
            File.Delete(file);
        }
    }
}
