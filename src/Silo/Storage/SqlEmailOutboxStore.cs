using System.Data.Common;
using Consortium.Grains.Email;

namespace Consortium.Silo.Storage;

/// <summary>The outbox table, <c>consortium_email_outbox</c>, in SQLite or PostgreSQL: the same SQL serves both.</summary>
public sealed class SqlEmailOutboxStore(ConsortiumDatabase database) : IEmailOutboxStore
{
    private const string Columns =
        "id, outbox, reference, recipient, subject, protected_message, status, attempts, last_error, queued_at, next_attempt_at, sent_at";

    /// <summary>Rows per <c>IN (...)</c> list.</summary>
    private const int ReferencesPerQuery = 200;

    public async Task AddAsync(IReadOnlyList<StoredEmail> messages)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO consortium_email_outbox ({Columns})
            VALUES (@id, @outbox, @reference, @recipient, @subject, @protected_message, @status, @attempts, @last_error, @queued_at, @next_attempt_at, @sent_at)
            """;
        foreach (var message in messages)
        {
            insert.Parameters.Clear();
            Add(insert, "id", message.Id);
            Add(insert, "outbox", message.Outbox);
            Add(insert, "reference", message.Reference);
            Add(insert, "recipient", message.To);
            Add(insert, "subject", message.Subject);
            Add(insert, "protected_message", message.ProtectedMessage);
            Add(insert, "status", (int)message.Status);
            Add(insert, "attempts", message.Attempts);
            Add(insert, "last_error", message.LastError);
            Add(insert, "queued_at", Milliseconds(message.QueuedAt));
            Add(insert, "next_attempt_at", Milliseconds(message.NextAttemptAt));
            Add(insert, "sent_at", Milliseconds(message.SentAt));
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    public Task<IReadOnlyList<StoredEmail>> DueAsync(string outbox, DateTimeOffset now, int limit) => QueryAsync($"""
        SELECT {Columns} FROM consortium_email_outbox
        WHERE outbox = @outbox AND status = 0 AND next_attempt_at <= @now ORDER BY next_attempt_at, queued_at LIMIT @limit
        """, ("outbox", outbox), ("now", Milliseconds(now)), ("limit", limit));

    public async Task<DateTimeOffset?> NextDueAsync(string outbox)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(next_attempt_at) FROM consortium_email_outbox WHERE outbox = @outbox AND status = 0";
        Add(command, "outbox", outbox);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value)) : null;
    }

    public async Task RecordAsync(IReadOnlyList<SendOutcome> outcomes)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        // A sent message's body is no longer needed: it is dropped, and with it the link's secret.
        update.CommandText = """
            UPDATE consortium_email_outbox
            SET status = @status, attempts = @attempts, last_error = @last_error, next_attempt_at = @next_attempt_at, sent_at = @sent_at,
                protected_message = CASE WHEN @status = 1 THEN NULL ELSE protected_message END
            WHERE id = @id
            """;
        foreach (var outcome in outcomes)
        {
            update.Parameters.Clear();
            Add(update, "id", outcome.Id);
            Add(update, "status", (int)outcome.Status);
            Add(update, "attempts", outcome.Attempts);
            Add(update, "last_error", outcome.LastError);
            Add(update, "next_attempt_at", Milliseconds(outcome.NextAttemptAt));
            Add(update, "sent_at", Milliseconds(outcome.SentAt));
            await update.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<StoredEmail>> ForReferencesAsync(string outbox, IReadOnlyList<string> references)
    {
        var rows = new List<StoredEmail>();
        foreach (var chunk in references.Distinct().Chunk(ReferencesPerQuery))
        {
            // The names are ours (r0, r1, ...), the values parameters.
            var names = chunk.Select((_, i) => "@r" + i).ToList();
            rows.AddRange(await QueryAsync($"""
                SELECT {Columns} FROM consortium_email_outbox
                WHERE outbox = @outbox AND reference IN ({string.Join(", ", names)}) ORDER BY queued_at DESC
                """, [("outbox", outbox), .. chunk.Select((reference, i) => ("r" + i, (object?)reference))]));
        }
        return [.. rows.OrderByDescending(row => row.QueuedAt)];
    }

    public Task<IReadOnlyList<StoredEmail>> UnsentAsync(string outbox, int limit) => QueryAsync($"""
        SELECT {Columns} FROM consortium_email_outbox WHERE outbox = @outbox AND status <> 1 ORDER BY queued_at DESC LIMIT @limit
        """, ("outbox", outbox), ("limit", limit));

    public Task<int> RequeueAsync(string outbox, string reference, DateTimeOffset now) => ExecuteAsync("""
        UPDATE consortium_email_outbox SET status = 0, attempts = 0, last_error = NULL, next_attempt_at = @now
        WHERE outbox = @outbox AND reference = @reference AND status = 2
        """, ("outbox", outbox), ("reference", reference), ("now", Milliseconds(now)));

    public Task PruneSentAsync(string outbox, DateTimeOffset before) => ExecuteAsync(
        "DELETE FROM consortium_email_outbox WHERE outbox = @outbox AND status = 1 AND sent_at < @before",
        ("outbox", outbox), ("before", Milliseconds(before)));

    private async Task<IReadOnlyList<StoredEmail>> QueryAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }
        var rows = new List<StoredEmail>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredEmail(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), (OutboxStatus)Convert.ToInt32(reader.GetValue(6)), Convert.ToInt32(reader.GetValue(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8), Time(reader, 9)!.Value, Time(reader, 10), Time(reader, 11)));
        }
        return rows;
    }

    private async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }
        return await command.ExecuteNonQueryAsync();
    }

    private static long? Milliseconds(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(ordinal)));

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value ?? DBNull.Value);
        command.Parameters.Add(parameter);
    }
}
