using Consortium.Silo.Storage;

namespace Consortium.Portal.Audit;

/// <summary>
/// The append-only audit log, in the same database as grain state (table <c>consortium_audit</c>): a table,
/// not grain state, because it only grows and is read a page at a time.
/// </summary>
public sealed class AuditLog(ConsortiumDatabase database, AuditGroupCommit commits, TimeProvider clock, ILogger<AuditLog> logger)
{
    public const int MaxPageSize = 200;

    public async Task RecordAsync(AuditActor actor, string action, string target, string? consortium = null, string? tenant = null)
    {
        // Returns once the row is committed, in a transaction with the rows recorded at the same time.
        await commits.AppendAsync(new AuditGroupCommit.Row(clock.GetUtcNow(), consortium, tenant, actor.Name, action, target, actor.RemoteAddress));
        // A target can be personal data (an invited address); the table keeps it, the logs name it only at Debug.
        logger.LogInformation("Audit: {Actor} {Action} (consortium {Consortium}, tenant {Tenant})", actor.Name, action, consortium, tenant);
        logger.LogDebug("Audit target of {Action}: {Target}", action, target);
    }

    /// <summary>Newest first. <paramref name="page"/> counts from 1; <paramref name="action"/>, when given, keeps the actions that start with it.</summary>
    public Task<AuditPage> ForTenantAsync(string tenant, int page, int pageSize, string? action = null) => QueryAsync("tenant", tenant, page, pageSize, action);

    /// <summary>Everything in the consortium, its tenants' entries included. Newest first.</summary>
    public Task<AuditPage> ForConsortiumAsync(string consortium, int page, int pageSize, string? action = null) =>
        QueryAsync("consortium", consortium, page, pageSize, action);

    // column is one of two constants above, never input.
    private async Task<AuditPage> QueryAsync(string column, string value, int page, int pageSize, string? action)
    {
        var filter = $"{column} = @value AND (@action IS NULL OR action LIKE @action || '%')";
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var connection = await database.DataSource.OpenConnectionAsync();

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM consortium_audit WHERE {filter}";
        count.With("value", value);
        count.With("action", string.IsNullOrWhiteSpace(action) ? null : action.Trim());
        var total = Convert.ToInt64(await count.ExecuteScalarAsync());

        await using var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT id, at, consortium, tenant, actor, action, target, remote_address FROM consortium_audit
            WHERE {filter} ORDER BY id DESC LIMIT @limit OFFSET @offset
            """;
        select.With("value", value);
        select.With("action", string.IsNullOrWhiteSpace(action) ? null : action.Trim());
        select.With("limit", pageSize);
        select.With("offset", (page - 1) * pageSize);
        var items = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(new AuditEntry(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.NullableString(2), reader.NullableString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.NullableString(7)));
        }
        return new AuditPage(items, page, pageSize, total);
    }
}
