using Consortium.Portal.Text;
using Consortium.Orcid;
using Consortium.Grains.Batches;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;
using Consortium.Portal.Services;

namespace Consortium.Portal.Issuing;

/// <summary>
/// Bulk issuing from a CSV: a dry run reports every problem by line and field; applying accepts the valid rows, whose
/// issuances the batch creates in the background (each is idempotent by its external id, so uploading the same file again
/// writes nothing twice), and keeps the batch so its result can be downloaded with each row's status and put-code.
/// </summary>
public sealed class BatchService(IGrainFactory grains, IssuingService issuing, PortalAddress portal, AuditLog audit, TimeProvider clock)
{
    public async Task<BatchReport> DryRunAsync(TenantProfile tenant, OrcidEnvironment environment, Stream csv)
    {
        var parsed = await ParseAsync(tenant, csv);
        return new BatchReport(null, environment, DryRun: true, parsed.TotalRows, parsed.Rows.Count, parsed.Problems,
            [.. parsed.Rows.Select(row => new BatchRowOutcome(row.Line, row.ExternalId, row.Orcid, row.Email, "valid", null, null)), .. Rejected(parsed)]);
    }

    /// <summary>Accepts the valid rows in one write and answers at once: the batch creates their issuances in the background
    /// (<see cref="IBatchGrain"/>), and each row's outcome here is where its issuance stands now, or <c>accepted</c> until it exists.</summary>
    /// <exception cref="IssuingClosedException">The environment is not open; nothing is accepted.</exception>
    public async Task<BatchReport> ApplyAsync(TenantProfile tenant, OrcidEnvironment environment, Stream csv, string fileName, AuditActor actor)
    {
        var parsed = await ParseAsync(tenant, csv);
        if (parsed.Rows.Count > 0)
        {
            await grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant.Slug, environment)).EnsureOpenAsync();
        }
        var batchId = BatchKey.NewId();
        var problemLines = RejectedLines(parsed).Select(rejected =>
            new BatchLine(rejected.Row.Line, rejected.Row.ExternalId, rejected.Row.Orcid, rejected.Row.Email, null, rejected.Problems));
        var record = new BatchRecord(batchId, fileName, clock.GetUtcNow(), actor.Name,
            [.. parsed.Rows.Select(row => new BatchLine(row.Line, row.ExternalId, row.Orcid, row.Email, IssuingKey.IssuanceId(environment, row.ExternalId), null)), .. problemLines])
        {
            Environment = environment,
        };
        await Batch(tenant, batchId).AcceptAsync(record, [.. parsed.Rows.Select(ToIssuance)], portal.Base.AbsoluteUri);
        if (parsed.Rows.Count > 0)
        {
            await audit.RecordAsync(actor, "batch.applied", $"{batchId}: {Plural.Of(parsed.Rows.Count, "row")} of {fileName} in {environment.Name()}", tenant.ConsortiumSlug, tenant.Slug);
        }
        var (_, rows) = await OutcomesAsync(tenant, record);
        return new BatchReport(batchId, environment, DryRun: false, parsed.TotalRows, parsed.Rows.Count, parsed.Problems, rows);
    }

    /// <returns>Each line's current outcome, or null when the tenant has no such batch.</returns>
    public async Task<(BatchRecord Batch, IReadOnlyList<BatchRowOutcome> Rows)?> GetResultAsync(TenantProfile tenant, string batchId) =>
        await Batch(tenant, batchId).GetAsync() is { } batch ? await OutcomesAsync(tenant, batch) : null;

    private async Task<(BatchRecord Batch, IReadOnlyList<BatchRowOutcome> Rows)> OutcomesAsync(TenantProfile tenant, BatchRecord batch)
    {
        var ids = batch.Lines.Where(l => l.IssuanceId is not null).Select(l => l.IssuanceId!).ToList();
        var views = (await issuing.GetManyAsync(tenant, ids)).ToDictionary(v => v.Id);
        var rows = batch.Lines.OrderBy(l => l.Line).Select(line => line switch
        {
            { IssuanceId: { } id } when views.TryGetValue(id, out var view) => Outcome(line.Line, line.ExternalId!, line.Orcid, line.Email, view),
            { IssuanceId: not null } when batch.Stopped is { } stopped => Row(line, IssuanceStatusNames.Rejected, $"Not issued: {stopped}"),
            { IssuanceId: not null } => Row(line, IssuanceStatusNames.Accepted, null),
            _ => Row(line, IssuanceStatusNames.Rejected, line.Problem),
        }).ToList();
        return (batch, rows);
    }

    private IBatchGrain Batch(TenantProfile tenant, string batchId) => grains.GetGrain<IBatchGrain>(BatchKey.For(tenant.Slug, batchId));

    private static BatchRowOutcome Row(BatchLine line, string status, string? problem) =>
        new(line.Line, line.ExternalId ?? "", line.Orcid, line.Email, status, null, problem);

    private async Task<BatchParseResult> ParseAsync(TenantProfile tenant, Stream csv)
    {
        var templates = (await issuing.ListTemplatesAsync(tenant)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return BatchCsvReader.Read(csv, templates);
    }

    private static NewIssuance ToIssuance(BatchRow row) =>
        new(row.TemplateId, row.ExternalId, row.Orcid, row.Email, row.StartDate, row.GivenNames, row.FamilyNames);

    private static BatchRowOutcome Outcome(int line, string externalId, string? orcid, string? email, IssuanceView view) =>
        new(line, externalId, orcid ?? view.Orcid, email, IssuanceStatusNames.Of(view.Status), view.PutCode, view.Error);

    private static IEnumerable<BatchRowOutcome> Rejected(BatchParseResult parsed) => RejectedLines(parsed).Select(rejected =>
        new BatchRowOutcome(rejected.Row.Line, rejected.Row.ExternalId ?? "", rejected.Row.Orcid, rejected.Row.Email, IssuanceStatusNames.Rejected, null, rejected.Problems));

    /// <summary>Each row with problems (the header's are not a row's), with what names it and its problems in one text.</summary>
    private static IEnumerable<(RejectedRow Row, string Problems)> RejectedLines(BatchParseResult parsed) =>
        parsed.Problems.Where(p => p.Line > 1).GroupBy(p => p.Line)
            .Select(g => (parsed.RejectedOn(g.Key), string.Join(" ", g.Select(p => $"{p.Field}: {p.Message}"))));
}
