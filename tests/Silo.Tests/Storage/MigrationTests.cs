using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Orcid;
using Consortium.Silo.Storage;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

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
             "Consortium-DataProtection.sql", "Consortium-Issuing.sql", "Consortium-EmailOutbox.sql", "Consortium-IssuingSearch.sql", "Consortium-Courses.sql"],
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

        Assert.Equal(["Sqlite-Main.sql", "Sqlite-Persistence.sql", "Sqlite-Reminders.sql", "Consortium-Audit.sql", "Consortium-DataProtection.sql", "Consortium-Issuing.sql", "Consortium-EmailOutbox.sql", "Consortium-IssuingSearch.sql", "Consortium-Courses.sql"], first);
        Assert.Empty(second);
        Assert.Equal(queriesAfterFirst, await CountAsync(dataSource, "SELECT COUNT(*) FROM OrleansQuery"));
        Assert.Equal("wal", await ScalarAsync(dataSource, "PRAGMA journal_mode"));
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task TheSearchIndexComesToADatabaseThatHeldIssuancesBeforeItAndFollowsTheirChanges(string kind)
    {
        const string Tenant = "uni";
        await using var database = await ExistingDatabase.CreateAsync(kind);
        var projection = new SqlIssuingProjection(database.Consortium, Options.Create(new ClusterOptions { ServiceId = "migration-tests" }));
        var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var before = new IssuanceView(IssuingKey.IssuanceId(OrcidEnvironment.Sandbox, "cert-1"), "cert-1", "laser", null, "grace.hopper@example.org",
            IssuanceStatus.AwaitingConsent, null, null, now, now, null, null, null, "Grace Hopper", 0, "c-1") { Environment = OrcidEnvironment.Sandbox };
        await projection.SaveAsync(Tenant, before, 1);
        async Task<string[]> Found(string term) =>
            [.. (await projection.ListAsync(Tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Search = term })).Items.Select(i => i.ExternalId)];

        Assert.Equal(["Consortium-IssuingSearch.sql", "Consortium-Courses.sql"], await database.MigrateAsync());

        Assert.Equal(before, Assert.Single(await projection.GetManyAsync(Tenant, [before.Id])));
        Assert.Equal(["cert-1"], await Found("hopper"));
        if (kind == "SQLite")
        {
            Assert.Contains("consortium_issuances_search", await projection.PlanAsync(Tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Search = "hopper" }));
        }
        else
        {
            // One row is read faster than any index: that the planner takes it at scale is IssuingProjectionTests' to show.
            Assert.Contains("gin_trgm_ops", (string?)await ScalarAsync(database.Consortium.DataSource,
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_consortium_issuances_search'"));
        }
        await projection.SaveAsync(Tenant, before with { Email = "g.murray@example.org", ResearcherName = "Grace Murray" }, 2);
        Assert.Empty(await Found("hopper"));
        Assert.Equal(["cert-1"], await Found("murray"));
        Assert.Equal(1, (await projection.CountAsync(Tenant, OrcidEnvironment.Sandbox)).Total);
    }

    /// <summary>A database of either kind migrated up to the script before the search index, as an installation that ran the
    /// version before it has it.</summary>
    private sealed class ExistingDatabase : IAsyncDisposable
    {
        private const string FirstNewScript = "Consortium-IssuingSearch.sql";

        private readonly IDatabaseMigrator _migrator;
        private readonly Func<ValueTask> _dispose;

        private ExistingDatabase(ConsortiumDatabase consortium, IDatabaseMigrator migrator, Func<ValueTask> dispose) =>
            (Consortium, _migrator, _dispose) = (consortium, migrator, dispose);

        public ConsortiumDatabase Consortium { get; }

        public Task<IReadOnlyList<string>> MigrateAsync() => _migrator.MigrateAsync(CancellationToken.None);

        public static async Task<ExistingDatabase> CreateAsync(string kind)
        {
            if (kind == "SQLite")
            {
                var path = Path.Combine(Path.GetTempPath(), "consortium-tests", $"migrate-{Guid.NewGuid():N}.db");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var sqlite = new GatedSqliteDataSource(path);
                var earlier = Earlier(SqlScript.Sqlite);
                foreach (var script in earlier)
                {
                    await ExecuteAsync(sqlite, script.Text);
                }
                await ExecuteAsync(sqlite, $"PRAGMA user_version = {earlier.Count}");
                return new ExistingDatabase(new ConsortiumDatabase("SQLite", path, sqlite), new SqliteMigrator(sqlite, NullLogger<SqliteMigrator>.Instance), async () =>
                {
                    await sqlite.DisposeAsync();
                    SqliteConnection.ClearAllPools();
                });
            }
            var database = await PostgresTestDatabase.CreateAsync();
            var postgres = NpgsqlDataSource.Create(database.ConnectionString);
            // The bookkeeping PostgresMigrator keeps: the scripts applied, by name.
            await ExecuteAsync(postgres, "CREATE TABLE consortium_schema_scripts (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            foreach (var script in Earlier(SqlScript.Postgres))
            {
                await ExecuteAsync(postgres, script.Text);
                await ExecuteAsync(postgres, $"INSERT INTO consortium_schema_scripts (name) VALUES ('{script.Name}')");
            }
            return new ExistingDatabase(new ConsortiumDatabase("PostgreSQL", database.Name, postgres), new PostgresMigrator(postgres, NullLogger<PostgresMigrator>.Instance), async () =>
            {
                await postgres.DisposeAsync();
                await database.DisposeAsync();
            });
        }

        private static List<SqlScript> Earlier(IReadOnlyList<SqlScript> scripts) => [.. scripts.TakeWhile(script => script.Name != FirstNewScript)];

        private static async Task ExecuteAsync(System.Data.Common.DbDataSource dataSource, string sql)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => _dispose();
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
