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

        private Store(SqlIssuingProjection projection, Func<ValueTask> dispose) => (Projection, _dispose) = (projection, dispose);

        public SqlIssuingProjection Projection { get; }

        public static async Task<Store> CreateAsync(Database kind)
        {
            var cluster = Options.Create(new ClusterOptions { ServiceId = "projection-tests" });
            if (kind == Database.Sqlite)
            {
                var path = Path.Combine(Path.GetTempPath(), "consortium-tests", $"projection-{Guid.NewGuid():N}.db");
                var sqlite = new GatedSqliteDataSource(path);
                await new SqliteMigrator(sqlite, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
                return new Store(new SqlIssuingProjection(new ConsortiumDatabase("SQLite", path, sqlite), cluster), async () =>
                {
                    await sqlite.DisposeAsync();
                    SqliteConnection.ClearAllPools();
                });
            }
            var database = await PostgresTestDatabase.CreateAsync();
            var postgres = NpgsqlDataSource.Create(database.ConnectionString);
            await new PostgresMigrator(postgres, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
            return new Store(new SqlIssuingProjection(new ConsortiumDatabase("PostgreSQL", database.Name, postgres), cluster), async () =>
            {
                await postgres.DisposeAsync();
                await database.DisposeAsync();
            });
        }

        public ValueTask DisposeAsync() => _dispose();
    }
}
