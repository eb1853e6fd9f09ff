using Npgsql;

namespace Consortium.Silo.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one fixture, on the server named by <c>CONSORTIUM_TEST_POSTGRES</c>
/// (test.sh sets it up), dropped afterwards.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CONSORTIUM_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <param name="server">Another server than the shared one, e.g. a <see cref="ThrowawayPostgres"/>'s.</param>
    public static async Task<PostgresTestDatabase> CreateAsync(string? server = null)
    {
        server ??= Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException(
                $"PostgreSQL tests need {ServerVariable} (a connection string for a role that may create databases). Run ./test.sh, which sets it up.");
        var database = new PostgresTestDatabase(server, $"consortium_test_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    /// <summary>A copy of this database as it is now, as someone who took a copy of it would have. Use it after its hosts
    /// stopped: the idle connections they leave in their pools are closed first, as PostgreSQL copies only a database nobody uses.</summary>
    public async Task<PostgresTestDatabase> CopyAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()");
        var copy = new PostgresTestDatabase(_serverConnectionString, $"consortium_test_{Guid.NewGuid():N}");
        await ExecuteOnServerAsync($"CREATE DATABASE {copy.Name} TEMPLATE {Name}");
        return copy;
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
