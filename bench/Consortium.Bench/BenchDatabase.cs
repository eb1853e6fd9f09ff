using Npgsql;

namespace Consortium.Bench;

/// <summary>A throw-away database on the PostgreSQL server that <c>CONSORTIUM_TEST_POSTGRES</c> names (as ./test.sh sets it up), dropped at dispose.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>Null when no server is named: the PostgreSQL rows are left out.</summary>
    public static async Task<BenchDatabase?> CreateAsync()
    {
        if (Environment.GetEnvironmentVariable("CONSORTIUM_TEST_POSTGRES") is not { } server)
        {
            return null;
        }
        var database = new BenchDatabase(server, $"consortium_bench_{Guid.NewGuid():N}");
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
