using Consortium.Orcid;
using System.Diagnostics;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Consortium.Bench;

/// <summary>
/// The Issuing tab's and the API's reads (counts and a page of the list) for a tenant with 100,000 issuances next to one with
/// 100, on the projection in a real database; and the queue grain's stored state before the projection (every issuance's
/// view) and after it (only pending ids).
/// </summary>
public static class ProjectionBenchmark
{
    public sealed record ReadResult(string Database, string Read, int Issuances, TimeSpan P50, TimeSpan P99, long BytesPerRead);

    public sealed record StateResult(string State, int Issuances, int Bytes);

    private const int Reads = 200;

    public static async Task<IReadOnlyList<ReadResult>> RunAsync(string databaseName, ConsortiumDatabase database, int large = 100_000, int small = 100)
    {
        var projection = new SqlIssuingProjection(database, Options.Create(new ClusterOptions { ServiceId = "bench" }));
        await FillAsync(database, "large", large);
        await FillAsync(database, "small", small);
        var results = new List<ReadResult>();
        foreach (var (tenant, count) in new[] { ("small", small), ("large", large) })
        {
            results.Add(await MeasureAsync(databaseName, "Issuing tab: counts + first page of 50", count, async () =>
            {
                await projection.CountAsync(tenant, OrcidEnvironment.Sandbox);
                await projection.ListAsync(tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Take = 50 });
            }));
            results.Add(await MeasureAsync(databaseName, "API: a page of 100, filtered by status", count, () =>
                projection.ListAsync(tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Statuses = [IssuanceStatus.InOrcid], Take = 100 })));
            results.Add(await MeasureAsync(databaseName, "search by part of an email", count, () =>
                projection.ListAsync(tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Search = "person-42@", Take = 50 })));
        }
        return results;
    }

    /// <summary>The stored size of the queue grain's state: before the projection it held every view; now only what is pending.</summary>
    public static IReadOnlyList<StateResult> StateSizes(int issuances = 100_000, int pending = 10_000)
    {
        var serializer = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(IssuanceView).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        var now = DateTimeOffset.UtcNow;
        var views = Enumerable.Range(0, issuances).ToDictionary(i => $"sandbox.cert-{i}", i => View(i, now));
        var waiting = Enumerable.Range(0, pending).ToDictionary(i => $"sandbox.cert-{i}", _ => now);
        return
        [
            new("before: every issuance's view (the old ledger)", issuances, serializer.SerializeToArray(views).Length),
            new("now: idle queue", issuances, serializer.SerializeToArray(new IssuingQueueState()).Length),
            new($"now: queue with {pending:N0} pending", issuances, serializer.SerializeToArray(new IssuingQueueState { Pending = waiting }).Length),
        ];
    }

    public static async Task<(ConsortiumDatabase Database, Func<ValueTask> Dispose)> SqliteAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"consortium-bench-projection-{Guid.NewGuid():N}.db");
        var dataSource = new GatedSqliteDataSource(path);
        await new SqliteMigrator(dataSource, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return (new ConsortiumDatabase("SQLite", path, dataSource), async () =>
        {
            await dataSource.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        });
    }

    public static async Task<ConsortiumDatabase> PostgresAsync(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new PostgresMigrator(dataSource, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new ConsortiumDatabase("PostgreSQL", "bench", dataSource);
    }

    private static IssuanceView View(int i, DateTimeOffset at) => new(
        $"sandbox.cert-{i}", $"cert-{i}", "laser-2", $"0000-0002-{i / 10000 % 10000:0000}-{i % 10000:0000}", $"person-{i}@example.org",
        (IssuanceStatus)(i % 7), i, null, at.AddSeconds(-i), at, "Laser Safety Level 2", new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1),
        $"Researcher {i}", 0, $"certificate-{i}") { Environment = OrcidEnvironment.Sandbox };

    private static async Task<ReadResult> MeasureAsync(string database, string read, int issuances, Func<Task> once)
    {
        await once(); // warm-up
        var times = new List<TimeSpan>(Reads);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Reads; i++)
        {
            var clock = Stopwatch.StartNew();
            await once();
            times.Add(clock.Elapsed);
        }
        var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / Reads;
        times.Sort();
        return new ReadResult(database, read, issuances, times[Reads / 2], times[Reads * 99 / 100], bytes);
    }

    /// <summary>Rows as the grains write them, generated in the database in one statement (a recursive CTE works on both).</summary>
    private static async Task FillAsync(ConsortiumDatabase database, string tenant, int count)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        // 100,000 rows into the search index in one statement take longer than the 30 s a command may take by default.
        command.CommandTimeout = 600;
        var text = database.Kind == "PostgreSQL" ? "text" : "TEXT";
        command.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {count})
            INSERT INTO consortium_issuances (tenant, id, version, environment, external_id, template_id, orcid, email, status, put_code, error,
                created_at, updated_at, title, start_date, end_date, researcher_name, attempts, certificate_id, search)
            SELECT '{tenant}', 'sandbox.cert-' || CAST(i AS {text}), 1, 'sandbox', 'cert-' || CAST(i AS {text}), 'laser-2',
                '0000-0002-' || CAST(i AS {text}), 'person-' || CAST(i AS {text}) || '@example.org',
                CASE i % 3 WHEN 0 THEN 'InOrcid' WHEN 1 THEN 'AwaitingConsent' ELSE 'Queued' END, i, NULL,
                1767225600000 + i * 1000, 1767225600000 + i * 1000, 'Laser Safety Level 2', '2026-01-01', '2028-01-01',
                'Researcher ' || CAST(i AS {text}), 0, 'certificate-' || CAST(i AS {text}),
                'cert-' || CAST(i AS {text}) || ' 0000-0002-' || CAST(i AS {text}) || ' person-' || CAST(i AS {text}) || '@example.org researcher ' || CAST(i AS {text})
            FROM n
            """;
        await command.ExecuteNonQueryAsync();
        await using var counts = connection.CreateCommand();
        counts.CommandText = $"""
            INSERT INTO consortium_issuing_counts (tenant, environment, kind, status, count)
            SELECT tenant, environment, 'issuance', status, COUNT(*) FROM consortium_issuances WHERE tenant = '{tenant}' GROUP BY tenant, environment, status
            """;
        await counts.ExecuteNonQueryAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
}
