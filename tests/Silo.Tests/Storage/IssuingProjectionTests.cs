using Consortium.Orcid;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.Researchers;
using Consortium.Silo.Storage;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Consortium.Silo.Tests.Storage;

/// <summary>The issuing projection's SQL, the same on both databases: filters, search, sort, paging, counts, and a late write
/// that never takes a row back.</summary>
public sealed class IssuingProjectionTests
{
    private const string Tenant = "uni";
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public enum Database { Sqlite, Postgres }

    [Theory]
    [InlineData(Database.Sqlite)]
    [InlineData(Database.Postgres)]
    public async Task ListsFilterSearchSortAndPageAsTheQuerySays(Database kind)
    {
        await using var store = await Store.CreateAsync(kind);
        var projection = store.Projection;
        await projection.SaveAsync(Tenant, View("a-1", "laser", IssuanceStatus.InOrcid, Day, orcid: "0000-0002-1825-0097", name: "Ada Lovelace", putCode: 11), 1);
        await projection.SaveAsync(Tenant, View("a-2", "laser", IssuanceStatus.AwaitingConsent, Day.AddDays(1), email: "grace.HOPPER@example.org"), 1);
        await projection.SaveAsync(Tenant, View("b-1", "radiation", IssuanceStatus.Failed, Day.AddDays(2), orcid: "0000-0001-5109-3700", error: "Refused"), 1);
        await projection.SaveAsync(Tenant, View("b_2", "radiation", IssuanceStatus.Queued, Day.AddDays(3), orcid: "0000-0001-5109-3700"), 1);
        await projection.SaveAsync("other-uni", View("a-9", "laser", IssuanceStatus.InOrcid, Day, orcid: "0000-0002-1825-0097"), 1);
        await projection.SaveAsync(Tenant, View("p-1", "laser", IssuanceStatus.InOrcid, Day, environment: OrcidEnvironment.Production), 1);

        async Task<string[]> Ids(IssuanceQuery query) => [.. (await projection.ListAsync(Tenant, OrcidEnvironment.Sandbox, query)).Items.Select(i => i.ExternalId)];

        Assert.Equal(["b_2", "b-1", "a-2", "a-1"], await Ids(new IssuanceQuery()));
        Assert.Equal(["a-1", "a-2", "b-1", "b_2"], await Ids(new IssuanceQuery { Sort = IssuanceSort.Oldest }));
        Assert.Equal(["a-1", "a-2", "b-1", "b_2"], await Ids(new IssuanceQuery { Sort = IssuanceSort.ExternalId })); // ordinal: - before _
        Assert.Equal(["a-2", "a-1"], await Ids(new IssuanceQuery { TemplateId = "laser" }));
        Assert.Equal(["b_2", "b-1"], await Ids(new IssuanceQuery { Orcid = "0000-0001-5109-3700" }));
        Assert.Equal(["b-1", "a-1"], await Ids(new IssuanceQuery { Statuses = [IssuanceStatus.InOrcid, IssuanceStatus.Failed] }));
        Assert.Equal(["a-2"], await Ids(new IssuanceQuery { Search = "Hopper" }));          // email, any case
        Assert.Equal(["a-1"], await Ids(new IssuanceQuery { Search = "lovelace" }));        // name
        Assert.Equal(["a-1"], await Ids(new IssuanceQuery { Search = "1825-0097" }));       // part of an iD
        Assert.Equal(["b_2"], await Ids(new IssuanceQuery { Search = "b_" }));              // a LIKE wildcard is only itself
        Assert.Equal(["a-2", "b-1"], await Ids(new IssuanceQuery { From = Day.AddDays(1), To = Day.AddDays(3), Sort = IssuanceSort.Oldest }));
        var second = await projection.ListAsync(Tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Skip = 1, Take = 2 });
        Assert.Equal(["b-1", "a-2"], second.Items.Select(i => i.ExternalId));
        Assert.Equal(4, second.Total);
        Assert.Equal(["sandbox.b-1", "sandbox.a-1"], (await projection.GetManyAsync(Tenant, ["sandbox.b-1", "sandbox.nope", "sandbox.a-1"])).Select(i => i.Id));

        var counts = await projection.CountAsync(Tenant, OrcidEnvironment.Sandbox);
        Assert.Equal((4, 2, 1, 1), (counts.Total, counts.Count(IssuanceStatus.InOrcid) + counts.Count(IssuanceStatus.Failed), counts.Count(IssuanceStatus.Queued), counts.Pending));
        Assert.Equal("Refused", counts.LastError);
    }

    [Theory]
    [InlineData(Database.Sqlite)]
    [InlineData(Database.Postgres)]
    public async Task ASearchOfThreeCharactersOrMoreIsServedByTheTrigramIndexAndFindsWhatAScanFinds(Database kind)
    {
        await using var store = await Store.CreateAsync(kind);
        var crafted = new[]
        {
            View("rate-100%-done", "laser", IssuanceStatus.InOrcid, Day, name: "Ada \"Countess\" Lovelace"),
            View("rate-1000-done", "laser", IssuanceStatus.InOrcid, Day.AddMinutes(1)),
            View("b_2", "laser", IssuanceStatus.Queued, Day.AddMinutes(2), email: "Grace.Hopper@Example.org"),
            View("bx2", "laser", IssuanceStatus.Queued, Day.AddMinutes(3), name: "Zoë Ångström"),
        };
        foreach (var view in crafted)
        {
            await store.Projection.SaveAsync(Tenant, view, 1);
        }
        // Enough rows that PostgreSQL's planner prefers the index to reading the tenant's rows.
        const int Fillers = 5000;
        await store.FillAsync(Tenant, Fillers);
        var texts = crafted.Select(v => (v.ExternalId, Text: string.Join(' ', new[] { v.ExternalId, v.Orcid, v.Email, v.ResearcherName }.Where(p => p is not null)).ToLowerInvariant()))
            .Concat(Enumerable.Range(0, Fillers).Select(i => (ExternalId: $"filler-{i}", Text: $"filler-{i} person-{i}@example.org")))
            .ToList();

        foreach (var term in new[] { "HOPPER", "100%", "b_2", "\"countess\"", "ångs", "person-4711@", "example.org", "no such text", "b_", "zo" })
        {
            var scan = texts.Where(t => t.Text.Contains(term.ToLowerInvariant(), StringComparison.Ordinal)).Select(t => t.ExternalId).Order(StringComparer.Ordinal).ToList();
            var page = await store.Projection.ListAsync(Tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Search = term, Take = IssuanceQuery.MaxTake });

            Assert.Equal(scan.Count, page.Total);
            if (scan.Count <= IssuanceQuery.MaxTake)
            {
                Assert.Equal(scan, page.Items.Select(i => i.ExternalId).Order(StringComparer.Ordinal));
            }
        }
        Assert.Equal(["rate-100%-done"], (await store.Projection.ListAsync(Tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Search = "100%" })).Items.Select(i => i.ExternalId));

        var indexed = await store.Projection.PlanAsync(Tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Search = "person-4711@" });
        Assert.Contains(kind == Database.Sqlite ? "consortium_issuances_search" : "ix_consortium_issuances_search", indexed);
        if (kind == Database.Sqlite)
        {
            // Two characters hold no trigram: a scan, as before.
            Assert.DoesNotContain("consortium_issuances_search", await store.Projection.PlanAsync(Tenant, OrcidEnvironment.Sandbox, new IssuanceQuery { Search = "zo" }));
        }
    }

    [Theory]
    [InlineData(Database.Sqlite)]
    [InlineData(Database.Postgres)]
    public async Task AWriteOfAnOlderVersionNeverTakesARowBackAndTheSameVersionAgainIsHarmless(Database kind)
    {
        await using var store = await Store.CreateAsync(kind);
        var written = View("c-1", "laser", IssuanceStatus.InOrcid, Day, orcid: "0000-0002-1825-0097", putCode: 42);

        await store.Projection.SaveAsync(Tenant, written, 3);
        await store.Projection.SaveAsync(Tenant, written with { Status = IssuanceStatus.Queued, PutCode = null }, 2);
        await store.Projection.SaveAsync(Tenant, written, 3);

        Assert.Equal(written, Assert.Single(await store.Projection.GetManyAsync(Tenant, ["sandbox.c-1"])));
        await store.Projection.SaveAsync(Tenant, written with { Status = IssuanceStatus.Revoked }, 4);
        Assert.Equal(IssuanceStatus.Revoked, Assert.Single(await store.Projection.GetManyAsync(Tenant, ["sandbox.c-1"])).Status);
    }

    [Theory]
    [InlineData(Database.Sqlite)]
    [InlineData(Database.Postgres)]
    public async Task ResearchersAreListedNewestFirstSearchedAndCounted(Database kind)
    {
        await using var store = await Store.CreateAsync(kind);
        await store.Projection.SaveAsync(Tenant, Researcher("0000-0002-1825-0097", "Ada Lovelace", ConsentStatus.Connected, Day), 1);
        await store.Projection.SaveAsync(Tenant, Researcher("0000-0001-5109-3700", "Grace Hopper", ConsentStatus.Disconnected, Day.AddDays(1)), 1);
        await store.Projection.SaveAsync(Tenant, Researcher("0000-0001-5109-3700", "Grace Hopper", ConsentStatus.Connected, Day.AddDays(1)), 0);

        var all = await store.Projection.ListResearchersAsync(Tenant, OrcidEnvironment.Sandbox, new ResearcherQuery());
        var found = await store.Projection.ListResearchersAsync(Tenant, OrcidEnvironment.Sandbox, new ResearcherQuery { Search = "ADA" });
        var counts = await store.Projection.CountAsync(Tenant, OrcidEnvironment.Sandbox);

        Assert.Equal(["0000-0001-5109-3700", "0000-0002-1825-0097"], all.Items.Select(r => r.Orcid));
        Assert.Equal(ConsentStatus.Disconnected, all.Items[0].Status);
        Assert.Equal(["openid", "/read-limited"], all.Items[0].Scopes);
        Assert.Equal("0000-0002-1825-0097", Assert.Single(found.Items).Orcid);
        Assert.Equal((2, 1), (counts.Researchers, counts.ConnectedResearchers));
    }

    [Theory]
    [InlineData(Database.Sqlite)]
    [InlineData(Database.Postgres)]
    public async Task OnRecordsCountsWhatStaysOnRecordsAfterConsentEndsButNotWhatWasWithdrawnOrNeverWritten(Database kind)
    {
        await using var store = await Store.CreateAsync(kind);
        var projection = store.Projection;
        await projection.SaveAsync(Tenant, View("written", "laser", IssuanceStatus.InOrcid, Day, orcid: "0000-0002-1825-0097", putCode: 11), 1);
        await projection.SaveAsync(Tenant, View("ended-after-writing", "laser", IssuanceStatus.ConsentEnded, Day, orcid: "0000-0001-5109-3700", putCode: 12), 1);
        await projection.SaveAsync(Tenant, View("ended-before-writing", "laser", IssuanceStatus.ConsentEnded, Day, orcid: "0000-0001-5109-3700"), 1);
        await projection.SaveAsync(Tenant, View("withdrawn", "laser", IssuanceStatus.Revoked, Day, orcid: "0000-0001-5109-3700", putCode: 13), 1);
        await projection.SaveAsync("other-uni", View("elsewhere", "laser", IssuanceStatus.ConsentEnded, Day, orcid: "0000-0001-5109-3700", putCode: 14), 1);

        var counts = await projection.CountAsync(Tenant, OrcidEnvironment.Sandbox);

        Assert.Equal((4, 1, 2), (counts.Total, counts.Count(IssuanceStatus.InOrcid), counts.OnRecords));
    }

    private static IssuanceView View(string externalId, string template, IssuanceStatus status, DateTimeOffset created,
        string? orcid = null, string? email = null, string? name = null, long? putCode = null, string? error = null, OrcidEnvironment environment = OrcidEnvironment.Sandbox) =>
        new(IssuingKey.IssuanceId(environment, externalId), externalId, template, orcid, email, status, putCode, error, created, created.AddMinutes(5),
            "Laser Safety", new DateOnly(2026, 3, 1), new DateOnly(2028, 3, 1), name, Attempts: 0, CertificateId: "cert-" + externalId) { Environment = environment };

    private static ResearcherView Researcher(string orcid, string name, ConsentStatus status, DateTimeOffset connected) =>
        new(orcid, name, status, ["openid", "/read-limited"], connected, connected.AddYears(20), status == ConsentStatus.Connected ? null : connected.AddHours(1))
        {
            Environment = OrcidEnvironment.Sandbox,
        };

    /// <summary>A migrated database of either kind, with the projection over it.</summary>
    private sealed class Store : IAsyncDisposable
    {
        private readonly Func<ValueTask> _dispose;

        private Store(ConsortiumDatabase database, IOptions<ClusterOptions> cluster, Func<ValueTask> dispose) =>
            (Consortium, Projection, _dispose) = (database, new SqlIssuingProjection(database, cluster), dispose);

        public ConsortiumDatabase Consortium { get; }

        public SqlIssuingProjection Projection { get; }

        public static async Task<Store> CreateAsync(Database kind)
        {
            var cluster = Options.Create(new ClusterOptions { ServiceId = "projection-tests" });
            if (kind == Database.Sqlite)
            {
                var path = Path.Combine(Path.GetTempPath(), "consortium-tests", $"projection-{Guid.NewGuid():N}.db");
                var sqlite = new GatedSqliteDataSource(path);
                await new SqliteMigrator(sqlite, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
                return new Store(new ConsortiumDatabase("SQLite", path, sqlite), cluster, async () =>
                {
                    await sqlite.DisposeAsync();
                    SqliteConnection.ClearAllPools();
                });
            }
            var database = await PostgresTestDatabase.CreateAsync();
            var postgres = NpgsqlDataSource.Create(database.ConnectionString);
            await new PostgresMigrator(postgres, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
            return new Store(new ConsortiumDatabase("PostgreSQL", database.Name, postgres), cluster, async () =>
            {
                await postgres.DisposeAsync();
                await database.DisposeAsync();
            });
        }

        /// <summary>Rows as the grains write them (<c>filler-i</c>, <c>person-i@example.org</c>), in one statement, then the
        /// planner's statistics.</summary>
        public async Task FillAsync(string tenant, int count)
        {
            await using var connection = await Consortium.DataSource.OpenConnectionAsync();
            await using var fill = connection.CreateCommand();
            var text = Consortium.Kind == "PostgreSQL" ? "text" : "TEXT";
            fill.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {count})
                INSERT INTO consortium_issuances (tenant, id, version, environment, external_id, template_id, orcid, email, status, put_code, error,
                    created_at, updated_at, title, start_date, end_date, researcher_name, attempts, certificate_id, search)
                SELECT '{tenant}', 'sandbox.filler-' || CAST(i AS {text}), 1, 'sandbox', 'filler-' || CAST(i AS {text}), 'laser', NULL,
                    'person-' || CAST(i AS {text}) || '@example.org', 'AwaitingConsent', NULL, NULL, 1767225600000 + i, 1767225600000 + i,
                    NULL, NULL, NULL, NULL, 0, NULL, 'filler-' || CAST(i AS {text}) || ' person-' || CAST(i AS {text}) || '@example.org'
                FROM n
                """;
            await fill.ExecuteNonQueryAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE consortium_issuances";
            await analyze.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => _dispose();
    }
}
