using Consortium.Silo.Storage;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Consortium.Silo.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task PostgresMigrationAppliesEachScriptOnceEvenWhenRunTwiceAtOnce()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var migrator = new PostgresMigrator(dataSource, NullLogger<PostgresMigrator>.Instance);

        var together = await Task.WhenAll(migrator.MigrateAsync(CancellationToken.None), migrator.MigrateAsync(CancellationToken.None));
        var queriesAfterFirst = await CountAsync(dataSource, "SELECT COUNT(*) FROM OrleansQuery");
        var again = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(
            ["PostgreSQL-Main.sql", "PostgreSQL-Clustering.sql", "PostgreSQL-Persistence.sql", "PostgreSQL-Reminders.sql", "Consortium-Audit.sql",
             "Consortium-DataProtection.sql", "Consortium-Issuing.sql", "Consortium-EmailOutbox.sql"],
            together.SelectMany(applied => applied));
        Assert.Empty(again);
        Assert.Equal(queriesAfterFirst, await CountAsync(dataSource, "SELECT COUNT(*) FROM OrleansQuery"));
        Assert.Equal((long)SqlScript.Postgres.Count, await CountAsync(dataSource, "SELECT COUNT(*) FROM consortium_schema_scripts"));
    }

    [Fact]
    public async Task SqliteMigrationRunTwiceIsHarmless()
    {
        var path = Path.Combine(Path.GetTempPath(), "consortium-tests", $"migrate-{Guid.NewGuid():N}.db");
        await using var dataSource = new GatedSqliteDataSource(path);
        var migrator = new SqliteMigrator(dataSource, NullLogger<SqliteMigrator>.Instance);

        var first = await migrator.MigrateAsync(CancellationToken.None);
        var queriesAfterFirst = await CountAsync(dataSource, "SELECT COUNT(*) FROM OrleansQuery");
        var second = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(["Sqlite-Main.sql", "Sqlite-Persistence.sql", "Sqlite-Reminders.sql", "Consortium-Audit.sql", "Consortium-DataProtection.sql", "Consortium-Issuing.sql", "Consortium-EmailOutbox.sql"], first);
        Assert.Empty(second);
        Assert.Equal(queriesAfterFirst, await CountAsync(dataSource, "SELECT COUNT(*) FROM OrleansQuery"));
        Assert.Equal("wal", await ScalarAsync(dataSource, "PRAGMA journal_mode"));
        SqliteConnection.ClearAllPools();
    }

    private static async Task<long> CountAsync(System.Data.Common.DbDataSource dataSource, string sql) =>
        Convert.ToInt64(await ScalarAsync(dataSource, sql));

    private static async Task<object?> ScalarAsync(System.Data.Common.DbDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
