using Consortium.Orcid;
using Consortium.Grains.Batches;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;

namespace Consortium.Portal.Issuing;

/// <summary>
/// Bulk issuing from a CSV: a dry run reports every problem by line and field; applying issues the valid rows (each is
/// idempotent by its external id, so uploading the same file again writes nothing twice) and keeps the batch so its
/// result can be downloaded with each row's status and put-code.
/// </summary>
public sealed class BatchService(IGrainFactory grains, IssuingService issuing, TimeProvider clock)
{
    /// <summary>Rows submitted per grain call: large enough to be quick, small enough to keep each call short.</summary>
    private const int SubmitChunk = 500;

    public async Task<BatchReport> DryRunAsync(TenantProfile tenant, OrcidEnvironment environment, Stream csv)
    {
        var parsed = await ParseAsync(tenant, csv);
        return new BatchReport(null, environment, DryRun: true, parsed.TotalRows, parsed.Rows.Count, parsed.Problems,
            [.. parsed.Rows.Select(row => new BatchRowOutcome(row.Line, row.ExternalId, row.Orcid, row.Email, "valid", null, null)), .. Rejected(parsed)]);
    }

    /// <exception cref="IssuingClosedException">The environment is not open; nothing is issued.</exception>
    public async Task<BatchReport> ApplyAsync(TenantProfile tenant, OrcidEnvironment environment, Stream csv, string fileName, AuditActor actor)
    {
        var parsed = await ParseAsync(tenant, csv);
        var issued = new List<(BatchRow Row, IssuanceView View)>(parsed.Rows.Count);
        foreach (var chunk in parsed.Rows.Chunk(SubmitChunk))
        {
            var created = await issuing.SubmitAsync(tenant, environment, [.. chunk.Select(ToIssuance)], actor);
            issued.AddRange(chunk.Zip(created, (row, c) => (row, c.View)));
        }
        var batchId = BatchKey.NewId();
        var problemLines = parsed.Problems.Where(p => p.Line > 1).GroupBy(p => p.Line)
            .Select(g => new BatchLine(g.Key, null, null, null, null, string.Join(" ", g.Select(p => $"{p.Field}: {p.Message}"))));
        await grains.GetGrain<IBatchGrain>(BatchKey.For(tenant.Slug, batchId)).SaveAsync(new BatchRecord(batchId, fileName, clock.GetUtcNow(), actor.Name,
            [.. issued.Select(i => new BatchLine(i.Row.Line, i.Row.ExternalId, i.Row.Orcid, i.Row.Email, i.View.Id, null)), .. problemLines])
        {
            Environment = environment,
        });
        return new BatchReport(batchId, environment, DryRun: false, parsed.TotalRows, parsed.Rows.Count, parsed.Problems,
            [.. issued.Select(i => Outcome(i.Row.Line, i.Row.ExternalId, i.Row.Orcid, i.Row.Email, i.View)), .. Rejected(parsed)]);
    }

    /// <returns>Each line's current outcome, or null when the tenant has no such batch.</returns>
    public async Task<(BatchRecord Batch, IReadOnlyList<BatchRowOutcome> Rows)?> GetResultAsync(TenantProfile tenant, string batchId)
    {
        if (await grains.GetGrain<IBatchGrain>(BatchKey.For(tenant.Slug, batchId)).GetAsync() is not { } batch)
        {
            return null;
        }
        var ids = batch.Lines.Where(l => l.IssuanceId is not null).Select(l => l.IssuanceId!).ToList();
        var views = (await issuing.GetManyAsync(tenant, ids)).ToDictionary(v => v.Id);
        var rows = batch.Lines.OrderBy(l => l.Line).Select(line =>
            line.IssuanceId is { } id && views.TryGetValue(id, out var view)
                ? Outcome(line.Line, line.ExternalId!, line.Orcid, line.Email, view)
                : new BatchRowOutcome(line.Line, line.ExternalId ?? "", line.Orcid, line.Email, IssuanceStatusNames.Rejected, null, line.Problem)).ToList();
        return (batch, rows);
    }

    private async Task<BatchParseResult> ParseAsync(TenantProfile tenant, Stream csv)
    {
        var templates = (await issuing.ListTemplatesAsync(tenant)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return BatchCsvReader.Read(csv, templates);
    }

    private static NewIssuance ToIssuance(BatchRow row) =>
        new(row.TemplateId, row.ExternalId, row.Orcid, row.Email, row.StartDate, row.GivenNames, row.FamilyNames);

    private static BatchRowOutcome Outcome(int line, string externalId, string? orcid, string? email, IssuanceView view) =>
        new(line, externalId, orcid ?? view.Orcid, email, IssuanceStatusNames.Of(view.Status), view.PutCode, view.Error);

    private static IEnumerable<BatchRowOutcome> Rejected(BatchParseResult parsed) =>
        parsed.Problems.Where(p => p.Line > 1).GroupBy(p => p.Line).Select(g =>
            new BatchRowOutcome(g.Key, "", null, null, IssuanceStatusNames.Rejected, null, string.Join(" ", g.Select(p => $"{p.Field}: {p.Message}"))));
}
