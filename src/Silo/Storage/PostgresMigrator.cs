using Microsoft.Extensions.Logging;
using Npgsql;

namespace Consortium.Silo.Storage;

/// <summary>
/// Applies the PostgreSQL scripts once each, recorded in <c>consortium_schema_scripts</c>. An advisory lock
/// makes silos that start together wait for one another instead of racing to create the same tables.
/// </summary>
public sealed class PostgresMigrator(NpgsqlDataSource dataSource, ILogger<PostgresMigrator> logger) : IDatabaseMigrator
{
    // Any constant works; it only has to be the same for every silo.
    private const long MigrationLockKey = 0x436f6e736f7274; // "Consort"

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS consortium_schema_scripts (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now());
                """, cancellationToken);

            var applied = new List<string>();
            foreach (var script in SqlScript.Postgres)
            {
                if (await IsAppliedAsync(connection, script.Name, cancellationToken))
                {
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, script.Text, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO consortium_schema_scripts (name) VALUES ($1);", connection))
                {
                    record.Parameters.AddWithValue(script.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                applied.Add(script.Name);
                logger.LogInformation("Applied {Script} to database {Database}", script.Name, connection.Database);
            }
            return applied;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey});", CancellationToken.None);
        }
    }

    private static async Task<bool> IsAppliedAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM consortium_schema_scripts WHERE name = $1);", connection);
        command.Parameters.AddWithValue(name);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
