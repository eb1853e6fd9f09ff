using Npgsql;

namespace Consortium.Bench;

/// <summary>A throw-away database on the PostgreSQL server that <c>CONSORTIUM_TEST_POSTGRES</c> names (as ./test.sh sets it up), dropped at dispose.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchDatabase(string server, string name, int? maxPoolSize)
    {
        _server = server;
        _name = name;
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name };
        if (maxPoolSize is { } most)
        {
            connection.MaxPoolSize = most;
        }
        ConnectionString = connection.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>Null when no server is named: the PostgreSQL rows are left out.</summary>
    /// <param name="maxPoolSize">Connections each process may hold (Npgsql's default is 100): several silos on one server keep
    /// within its <c>max_connections</c>.</param>
    public static async Task<BenchDatabase?> CreateAsync(int? maxPoolSize = null)
    {
        if (Environment.GetEnvironmentVariable("CONSORTIUM_TEST_POSTGRES") is not { } server)
        {
            return null;
        }
        var database = new BenchDatabase(server, $"consortium_bench_{Guid.NewGuid():N}", maxPoolSize);
        await database.ExecuteAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
