using System.Data.Common;
using Consortium.Grains.Email;
using Consortium.Silo.Storage;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Consortium.Silo.Tests.Storage;

/// <summary>The outbox table's one SQL, on both databases: what is due, what an attempt records, a re-send, pruning.</summary>
public sealed class EmailOutboxStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OnSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "consortium-tests", $"outbox-{Guid.NewGuid():N}.db");
        await using var dataSource = new GatedSqliteDataSource(path);
        await new SqliteMigrator(dataSource, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await QueueSendFailResendPruneAsync(new SqlEmailOutboxStore(new ConsortiumDatabase("SQLite", path, dataSource)));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task OnPostgres()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(dataSource, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await QueueSendFailResendPruneAsync(new SqlEmailOutboxStore(new ConsortiumDatabase("PostgreSQL", database.Name, dataSource)));
    }

    private static async Task QueueSendFailResendPruneAsync(IEmailOutboxStore store)
    {
        await store.AddAsync([Row("a", "t:one", "issuance-a", Start), Row("b", "t:one", "issuance-b", Start.AddSeconds(1)),
            Row("c", "t:one", "issuance-c", Start.AddMinutes(5)), Row("other", "t:two", "issuance-a", Start)]);

        Assert.Equal(["a", "b"], (await store.DueAsync("t:one", Start.AddSeconds(2), limit: 10)).Select(row => row.Id));
        Assert.Equal(["a"], (await store.DueAsync("t:one", Start.AddSeconds(2), limit: 1)).Select(row => row.Id));
        Assert.Equal(Start, await store.NextDueAsync("t:one"));

        await store.RecordAsync([
            new SendOutcome("a", OutboxStatus.Sent, 1, null, null, Start.AddSeconds(3)),
            new SendOutcome("b", OutboxStatus.Failed, 8, "SocketException: Connection refused", null, null)]);

        var a = Assert.Single(await store.ForReferencesAsync("t:one", ["issuance-a"]));
        Assert.Equal((OutboxStatus.Sent, null, Start.AddSeconds(3)), (a.Status, a.ProtectedMessage, a.SentAt));
        Assert.Equal(["c", "b"], (await store.UnsentAsync("t:one", 10)).Select(row => row.Id));
        var b = (await store.UnsentAsync("t:one", 10))[1];
        Assert.Equal(("SocketException: Connection refused", 8, "protected-b"), (b.LastError, b.Attempts, b.ProtectedMessage));
        Assert.Equal(Start.AddMinutes(5), await store.NextDueAsync("t:one"));

        Assert.Equal(0, await store.RequeueAsync("t:one", "issuance-a", Start.AddMinutes(1)));
        Assert.Equal(1, await store.RequeueAsync("t:one", "issuance-b", Start.AddMinutes(1)));
        var requeued = Assert.Single(await store.DueAsync("t:one", Start.AddMinutes(1), 10));
        Assert.Equal(("b", 0, null, OutboxStatus.Pending), (requeued.Id, requeued.Attempts, requeued.LastError, requeued.Status));

        await store.PruneSentAsync("t:one", Start.AddSeconds(4));
        Assert.Empty(await store.ForReferencesAsync("t:one", ["issuance-a"]));
        Assert.Single(await store.ForReferencesAsync("t:two", ["issuance-a"]));
    }

    private static StoredEmail Row(string id, string outbox, string reference, DateTimeOffset due) =>
        new(id, outbox, reference, $"{id}@example.org", $"Subject {id}", $"protected-{id}", OutboxStatus.Pending, 0, null, QueuedAt: due, NextAttemptAt: due, SentAt: null);
}
