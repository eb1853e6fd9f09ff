using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.Researchers;
using Consortium.Orcid;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Consortium.Silo.Storage;

/// <summary>
/// The issuing projection in the installation's database (<c>deploy/sql/*/Consortium-Issuing.sql</c>): the same SQL on SQLite
/// and PostgreSQL. Times are Unix milliseconds and dates ISO text, so both sort them the same way.
/// </summary>
public sealed class SqlIssuingProjection(ConsortiumDatabase database, IOptions<ClusterOptions> cluster) : IIssuingProjection
{
    private const string IssuanceColumns =
        "id, environment, external_id, template_id, orcid, email, status, put_code, error, created_at, updated_at, title, start_date, end_date, researcher_name, attempts, certificate_id";

    private const string ResearcherColumns = "orcid, name, environment, status, scopes, connected_at, expires_at, ended_at";

    /// <summary>Text sorts by code point, as .NET's ordinal comparison does (SQLite's default; PostgreSQL's follows its locale).</summary>
    /// <summary>The shortest term a trigram index can find: shorter ones are searched by a scan.</summary>
    private const int TrigramLength = 3;

    private string Ordinal => database.Kind == "PostgreSQL" ? " COLLATE \"C\"" : "";

    public Task SaveAsync(string tenant, IssuanceView issuance, long version) => SaveAsync(
        new Row("consortium_issuances", "issuance", tenant, issuance.Environment.Name(), issuance.Status.ToString(), version,
            "id = @id", command => command.With("id", issuance.Id)),
        $"""
        INSERT INTO consortium_issuances (tenant, version, search, {IssuanceColumns})
        VALUES (@tenant, @version, @search, @id, @environment, @external_id, @template_id, @orcid, @email, @status, @put_code, @error,
                @created_at, @updated_at, @title, @start_date, @end_date, @researcher_name, @attempts, @certificate_id)
        ON CONFLICT (tenant, id) DO UPDATE SET
            version = excluded.version, search = excluded.search, environment = excluded.environment, external_id = excluded.external_id,
            template_id = excluded.template_id, orcid = excluded.orcid, email = excluded.email, status = excluded.status,
            put_code = excluded.put_code, error = excluded.error, created_at = excluded.created_at, updated_at = excluded.updated_at,
            title = excluded.title, start_date = excluded.start_date, end_date = excluded.end_date,
            researcher_name = excluded.researcher_name, attempts = excluded.attempts, certificate_id = excluded.certificate_id
        """,
        command => command
            .With("search", SearchText(issuance.ExternalId, issuance.Orcid, issuance.Email, issuance.ResearcherName))
            .With("external_id", issuance.ExternalId).With("template_id", issuance.TemplateId).With("orcid", issuance.Orcid).With("email", issuance.Email)
            .With("put_code", issuance.PutCode, DbType.Int64).With("error", issuance.Error)
            .With("created_at", issuance.CreatedAt.ToUnixTimeMilliseconds()).With("updated_at", issuance.UpdatedAt.ToUnixTimeMilliseconds())
            .With("title", issuance.Title).With("start_date", Date(issuance.StartDate)).With("end_date", Date(issuance.EndDate))
            .With("researcher_name", issuance.ResearcherName).With("attempts", (long)issuance.Attempts).With("certificate_id", issuance.CertificateId));

    public Task SaveAsync(string tenant, ResearcherView researcher, long version) => SaveAsync(
        new Row("consortium_researchers", "researcher", tenant, researcher.Environment.Name(), researcher.Status.ToString(), version,
            "environment = @environment AND orcid = @orcid", command => command.With("orcid", researcher.Orcid)),
        $"""
        INSERT INTO consortium_researchers (tenant, version, {ResearcherColumns})
        VALUES (@tenant, @version, @orcid, @name, @environment, @status, @scopes, @connected_at, @expires_at, @ended_at)
        ON CONFLICT (tenant, environment, orcid) DO UPDATE SET
            version = excluded.version, name = excluded.name, status = excluded.status, scopes = excluded.scopes,
            connected_at = excluded.connected_at, expires_at = excluded.expires_at, ended_at = excluded.ended_at
        """,
        command => command.With("name", researcher.Name)
            .With("scopes", string.Join(' ', researcher.Scopes)).With("connected_at", researcher.ConnectedAt.ToUnixTimeMilliseconds())
            .With("expires_at", researcher.ExpiresAt.ToUnixTimeMilliseconds())
            .With("ended_at", researcher.EndedAt?.ToUnixTimeMilliseconds(), DbType.Int64));

    /// <summary>One projected row: its table and key, and what the counts know it by.</summary>
    private sealed record Row(string Table, string Kind, string Tenant, string Environment, string Status, long Version,
        string KeyFilter, Action<DbCommand> AddKey);

    /// <summary>Writes the row unless the table holds a newer version, and moves its count from its old status to its new one,
    /// in one transaction. Each row has one writer at a time (its grain), so the row read first is the one replaced.</summary>
    private async Task SaveAsync(Row row, string upsert, Action<DbCommand> addValues)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        string? previousStatus = null;
        await using (var read = Command(connection, transaction, $"SELECT status, version FROM {row.Table} WHERE tenant = @tenant AND {row.KeyFilter}"))
        {
            read.With("tenant", row.Tenant).With("environment", row.Environment);
            row.AddKey(read);
            await using var reader = await read.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                if (reader.GetInt64(1) > row.Version)
                {
                    return;
                }
                previousStatus = reader.GetString(0);
            }
        }
        await using (var write = Command(connection, transaction, upsert))
        {
            write.With("tenant", row.Tenant).With("version", row.Version).With("environment", row.Environment).With("status", row.Status);
            row.AddKey(write);
            addValues(write);
            await write.ExecuteNonQueryAsync();
        }
        if (previousStatus != row.Status)
        {
            if (previousStatus is not null)
            {
                await CountAsync(connection, transaction, row with { Status = previousStatus }, -1);
            }
            await CountAsync(connection, transaction, row, +1);
        }
        await transaction.CommitAsync();
    }

    private static async Task CountAsync(DbConnection connection, DbTransaction transaction, Row row, long change)
    {
        await using var count = Command(connection, transaction, """
            INSERT INTO consortium_issuing_counts (tenant, environment, kind, status, count) VALUES (@tenant, @environment, @kind, @status, @change)
            ON CONFLICT (tenant, environment, kind, status) DO UPDATE SET count = consortium_issuing_counts.count + excluded.count
            """);
        count.With("tenant", row.Tenant).With("environment", row.Environment).With("kind", row.Kind).With("status", row.Status).With("change", change);
        await count.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public async Task<IssuancePage> ListAsync(string tenant, OrcidEnvironment env, IssuanceQuery query)
    {
        var environment = env.Name();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var total = await TotalAsync(connection, tenant, environment, query);

        await using var select = PageCommand(connection, tenant, environment, query);
        return new IssuancePage(await ReadIssuancesAsync(select), total);
    }

    private DbCommand PageCommand(DbConnection connection, string tenant, string environment, IssuanceQuery query)
    {
        var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT {IssuanceColumns} FROM consortium_issuances WHERE {Where(select, tenant, environment, query)}
            ORDER BY {OrderBy(query.Sort)} LIMIT @limit OFFSET @offset
            """;
        select.With("limit", (long)Math.Clamp(query.Take, 1, IssuanceQuery.MaxTake)).With("offset", (long)Math.Max(0, query.Skip));
        return select;
    }

    /// <summary>How the database runs a page of <see cref="ListAsync"/> (its EXPLAIN), for the tests that check an index serves it.</summary>
    internal async Task<string> PlanAsync(string tenant, OrcidEnvironment env, IssuanceQuery query)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var explain = PageCommand(connection, tenant, env.Name(), query);
        explain.CommandText = (database.Kind == "PostgreSQL" ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + explain.CommandText;
        var plan = new StringBuilder();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetValue(reader.FieldCount - 1).ToString());
        }
        return plan.ToString();
    }

    /// <summary>A list's total: from the counts when only statuses filter it (the first page, a status tab), else counted.</summary>
    private async Task<int> TotalAsync(DbConnection connection, string tenant, string environment, IssuanceQuery query)
    {
        if (query is { TemplateId: null, Orcid: null, From: null, To: null } && string.IsNullOrWhiteSpace(query.Search))
        {
            var byStatus = await StatusCountsAsync(connection, tenant, environment);
            return query.Statuses is { Count: > 0 } statuses
                ? statuses.Distinct().Sum(status => byStatus.GetValueOrDefault(("issuance", status.ToString())))
                : byStatus.Where(c => c.Key.Kind == "issuance").Sum(c => c.Value);
        }
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM consortium_issuances WHERE {Where(count, tenant, environment, query)}";
        return Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<(string Kind, string Status), int>> StatusCountsAsync(DbConnection connection, string tenant, string environment)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT kind, status, count FROM consortium_issuing_counts WHERE tenant = @tenant AND environment = @environment";
        select.With("tenant", tenant).With("environment", environment);
        var counts = new Dictionary<(string, string), int>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[(reader.GetString(0), reader.GetString(1))] = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
        }
        return counts;
    }

    public async Task<IReadOnlyList<string>> IdsAsync(string tenant, OrcidEnvironment env, IssuanceQuery query)
    {
        var environment = env.Name();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT id FROM consortium_issuances WHERE {Where(select, tenant, environment, query)}";
        var ids = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public async Task<IReadOnlyList<IssuanceView>> GetManyAsync(string tenant, IReadOnlyList<string> ids)
    {
        var found = new List<IssuanceView>(ids.Count);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var select = connection.CreateCommand();
            var names = chunk.Select((id, i) => { select.With($"id{i}", id); return $"@id{i}"; });
            select.CommandText = $"SELECT {IssuanceColumns} FROM consortium_issuances WHERE tenant = @tenant AND id IN ({string.Join(", ", names)})";
            select.With("tenant", tenant);
            found.AddRange(await ReadIssuancesAsync(select));
        }
        var byId = found.ToDictionary(view => view.Id, StringComparer.Ordinal);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    public async Task<IssuingCounts> CountAsync(string tenant, OrcidEnvironment env)
    {
        var environment = env.Name();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var counts = await StatusCountsAsync(connection, tenant, environment);
        var byStatus = counts.Where(c => c.Key.Kind == "issuance" && c.Value > 0)
            .ToDictionary(c => Enum.Parse<IssuanceStatus>(c.Key.Status), c => c.Value);
        (string Error, DateTimeOffset At)? lastError = null;
        await using (var errors = connection.CreateCommand())
        {
            // The partial index ix_consortium_issuances_error answers this without a scan.
            errors.CommandText = """
                SELECT error, updated_at FROM consortium_issuances
                WHERE tenant = @tenant AND environment = @environment AND error IS NOT NULL AND status IN ('Failed', 'Queued')
                ORDER BY updated_at DESC LIMIT 1
                """;
            errors.With("tenant", tenant).With("environment", environment);
            await using var reader = await errors.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                lastError = (reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
            }
        }
        var consentEndedOnRecords = 0;
        if (byStatus.ContainsKey(IssuanceStatus.ConsentEnded))
        {
            // The status index narrows this to the tenant's consent-ended rows, few beside the written ones.
            await using var onRecords = connection.CreateCommand();
            onRecords.CommandText = """
                SELECT COUNT(*) FROM consortium_issuances
                WHERE tenant = @tenant AND environment = @environment AND status = 'ConsentEnded' AND put_code IS NOT NULL
                """;
            onRecords.With("tenant", tenant).With("environment", environment);
            consentEndedOnRecords = Convert.ToInt32(await onRecords.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var researchers = counts.Where(c => c.Key.Kind == "researcher").Sum(c => c.Value);
        var connected = counts.GetValueOrDefault(("researcher", nameof(ConsentStatus.Connected)));
        return new IssuingCounts(byStatus, byStatus.GetValueOrDefault(IssuanceStatus.Queued), researchers, connected, lastError?.Error, lastError?.At,
            consentEndedOnRecords);
    }

    public async Task<ResearcherPage> ListResearchersAsync(string tenant, OrcidEnvironment env, ResearcherQuery query)
    {
        var environment = env.Name();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM consortium_researchers WHERE {Where(count, tenant, environment, query)}";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

        await using var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT {ResearcherColumns} FROM consortium_researchers WHERE {Where(select, tenant, environment, query)}
            ORDER BY connected_at DESC, orcid LIMIT @limit OFFSET @offset
            """;
        select.With("limit", (long)Math.Clamp(query.Take, 1, ResearcherQuery.MaxTake)).With("offset", (long)Math.Max(0, query.Skip));
        var items = new List<ResearcherView>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(new ResearcherView(
                reader.GetString(0), reader.NullableString(1), Enum.Parse<ConsentStatus>(reader.GetString(3)),
                reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)))
            {
                Environment = OrcidEnvironmentName.FromName(reader.GetString(2)),
            });
        }
        return new ResearcherPage(items, total);
    }

    public async Task ClearAsync(string? tenant)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var table in new[] { "consortium_issuances", "consortium_researchers", "consortium_issuing_counts" })
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM {table} WHERE @tenant IS NULL OR tenant = @tenant";
            delete.With("tenant", tenant);
            await delete.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Read from Orleans' own state table (<c>OrleansStorage</c>, deploy/sql): a grain's state name and string key are
    /// stored as they are, so the rows of one kind and one tenant are found by prefix.</summary>
    public async Task<StoredGrainKeys> StoredKeysAsync(string? tenant) => new(
        await StoredKeysAsync("issuance", tenant is null ? "i:" : IssuingKey.Issuance(tenant, "")),
        await StoredKeysAsync("researcher", tenant is null ? "t:" : $"t:{tenant}:"));

    private async Task<IReadOnlyList<string>> StoredKeysAsync(string stateName, string keyPrefix)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT GrainIdExtensionString FROM OrleansStorage
            WHERE ServiceId = @service AND GrainTypeString = @type AND PayloadBinary IS NOT NULL AND GrainIdExtensionString LIKE @prefix ESCAPE '\'
            """;
        select.With("service", cluster.Value.ServiceId).With("type", stateName).With("prefix", Escape(keyPrefix) + "%");
        var keys = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    /// <summary>The filters that are set, as parameters of <paramref name="command"/>.</summary>
    private string Where(DbCommand command, string tenant, string environment, IssuanceQuery query)
    {
        var where = new StringBuilder("tenant = @tenant AND environment = @environment");
        command.With("tenant", tenant).With("environment", environment);
        if (query.Statuses is { Count: > 0 } statuses)
        {
            where.Append($" AND status IN ({string.Join(", ", statuses.Select((_, i) => $"@status{i}"))})");
            for (var i = 0; i < statuses.Count; i++)
            {
                command.With($"status{i}", statuses[i].ToString());
            }
        }
        if (query.TemplateId is { } template)
        {
            where.Append(" AND template_id = @template");
            command.With("template", template);
        }
        if (query.Orcid is { } orcid)
        {
            where.Append(" AND orcid = @orcid");
            command.With("orcid", orcid);
        }
        if (query.From is { } from)
        {
            where.Append(" AND created_at >= @from");
            command.With("from", from.ToUnixTimeMilliseconds());
        }
        if (query.To is { } to)
        {
            where.Append(" AND created_at < @to");
            command.With("to", to.ToUnixTimeMilliseconds());
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            if (database.Kind == "SQLite" && term.EnumerateRunes().Count() >= TrigramLength)
            {
                // FTS5's trigram index (Consortium-IssuingSearch.sql); in a quoted phrase every character is itself.
                where.Append(" AND row IN (SELECT rowid FROM consortium_issuances_search WHERE consortium_issuances_search MATCH @search)");
                command.With("search", $"\"{term.Replace("\"", "\"\"")}\"");
            }
            else
            {
                // On PostgreSQL pg_trgm's index serves this LIKE (three characters or more); shorter terms, which no trigram
                // index can narrow, are a scan on both.
                where.Append(" AND search LIKE @search ESCAPE '\\'");
                command.With("search", $"%{Escape(term)}%");
            }
        }
        return where.ToString();
    }

    private static string Where(DbCommand command, string tenant, string environment, ResearcherQuery query)
    {
        var where = new StringBuilder("tenant = @tenant AND environment = @environment");
        command.With("tenant", tenant).With("environment", environment);
        if (query.Status is { } status)
        {
            where.Append(" AND status = @status");
            command.With("status", status.ToString());
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            where.Append(" AND (LOWER(orcid) LIKE @search ESCAPE '\\' OR LOWER(COALESCE(name, '')) LIKE @search ESCAPE '\\')");
            command.With("search", $"%{Escape(query.Search.Trim().ToLowerInvariant())}%");
        }
        return where.ToString();
    }

    private string OrderBy(IssuanceSort sort) => sort switch
    {
        IssuanceSort.Oldest => $"created_at ASC, external_id{Ordinal}",
        IssuanceSort.RecentlyUpdated => $"updated_at DESC, external_id{Ordinal}",
        IssuanceSort.ExternalId => $"external_id{Ordinal}",
        IssuanceSort.Status => $"status{Ordinal}, created_at DESC, external_id{Ordinal}",
        _ => $"created_at DESC, external_id{Ordinal}",
    };

    private static async Task<List<IssuanceView>> ReadIssuancesAsync(DbCommand select)
    {
        var items = new List<IssuanceView>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(new IssuanceView(
                reader.GetString(0), reader.GetString(2), reader.GetString(3), reader.NullableString(4), reader.NullableString(5),
                Enum.Parse<IssuanceStatus>(reader.GetString(6)), reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.NullableString(8),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                reader.NullableString(11), ParseDate(reader.NullableString(12)), ParseDate(reader.NullableString(13)), reader.NullableString(14),
                Convert.ToInt32(reader.GetValue(15), CultureInfo.InvariantCulture), reader.NullableString(16))
            {
                Environment = OrcidEnvironmentName.FromName(reader.GetString(1)),
            });
        }
        return items;
    }

    private static string SearchText(params string?[] parts) => string.Join(' ', parts.Where(p => p is not null)).ToLowerInvariant();

    private static string Escape(string like) => like.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
