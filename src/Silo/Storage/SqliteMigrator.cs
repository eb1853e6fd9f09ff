using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Consortium.Silo.Storage;

/// <summary>Applies the SQLite scripts once each, recording progress in <c>PRAGMA user_version</c>.</summary>
public sealed class SqliteMigrator(GatedSqliteDataSource dataSource, ILogger<SqliteMigrator> logger) : IDatabaseMigrator
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dataSource.DatabasePath)!);
        await using var connection = (SqliteConnection)await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);

        var applied = new List<string>();
        var version = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken));
        foreach (var script in SqlScript.Sqlite.Skip(version))
        {
            await using var transaction = connection.BeginTransaction();
            await ExecuteAsync(connection, script.Text, cancellationToken);
            // user_version lives in the file header and commits with the transaction.
            await ExecuteAsync(connection, $"PRAGMA user_version = {++version};", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(script.Name);
            logger.LogInformation("Applied {Script} to {Database}", script.Name, dataSource.DatabasePath);
        }
        return applied;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
