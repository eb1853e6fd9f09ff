using Consortium.Grains.Common;
using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Courses;

/// <summary>A member organisation's claim links, for the API, the CSV upload and the Issuing tab alike.</summary>
public sealed class ClaimService(IGrainFactory grains, ICoursesProjection claims, PortalAddress portal, AuditLog audit)
{
    /// <summary>A claim and the link the learner opens to claim it.</summary>
    public sealed record CreatedClaim(ClaimView Claim, Uri ClaimUrl, bool Created);

    /// <summary>Creates the claims (or answers the existing ones for known external ids), after checking them all: a bad one
    /// creates none.</summary>
    /// <exception cref="InvalidFieldException">A claim is malformed or names an unknown template.</exception>
    /// <exception cref="IssuingClosedException">The environment is not open for this tenant.</exception>
    public async Task<IReadOnlyList<CreatedClaim>> CreateAsync(TenantProfile tenant, OrcidEnvironment environment, IReadOnlyList<NewClaim> requests,
        AuditActor actor)
    {
        var valid = requests.Select(r => r.Validated()).ToList();
        await grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant.Slug, environment)).EnsureOpenAsync();
        var templates = await TemplateIdsAsync(tenant);
        if (valid.FirstOrDefault(c => !templates.Contains(c.TemplateId)) is { } unknown)
        {
            throw new InvalidFieldException("templateId", $"There is no template '{unknown.TemplateId}'. Create it under Templates first.");
        }
        var created = new List<CreatedClaim>(valid.Count);
        foreach (var chunk in valid.Chunk(64))
        {
            created.AddRange((await Task.WhenAll(chunk.Select(claim =>
                    grains.GetGrain<IClaimGrain>(ClaimKey.For(tenant.Slug, ClaimKey.Id(environment, claim.ExternalId))).CreateAsync(claim, portal.Base.AbsoluteUri))))
                .Select(c => new CreatedClaim(c.View, ClaimUrl(tenant.Slug, c.Token), c.Created)));
        }
        var fresh = created.Where(c => c.Created).ToList();
        if (fresh.Count > 0)
        {
            await audit.RecordAsync(actor, "claim.created", fresh.Count == 1 ? fresh[0].Claim.Id : $"{fresh.Count} claims in {environment.Name()}",
                tenant.ConsortiumSlug, tenant.Slug);
        }
        return created;
    }

    /// <summary>What a CSV of claims came to: the answer CSV (one link per row), or the problems by line and column, none created.</summary>
    public sealed record CsvResult(byte[]? Csv, IReadOnlyList<ClaimCsv.Problem> Problems, int Links = 0);

    /// <summary>Reads a CSV of claims (<see cref="ClaimCsv.Columns"/>) and, when every row is good, creates them all.</summary>
    /// <param name="csv">Left open.</param>
    /// <exception cref="IssuingClosedException">The environment is not open for this tenant.</exception>
    public async Task<CsvResult> CreateFromCsvAsync(TenantProfile tenant, OrcidEnvironment environment, Stream csv, AuditActor actor)
    {
        var (rows, problems) = ClaimCsv.Read(csv, await TemplateIdsAsync(tenant));
        if (problems.Count == 0 && rows.Count == 0)
        {
            problems = [new ClaimCsv.Problem(1, "file", $"The file has no rows under its header ({string.Join(",", ClaimCsv.Columns)}).")];
        }
        if (problems.Count > 0)
        {
            return new CsvResult(null, problems);
        }
        var created = await CreateAsync(tenant, environment, [.. rows.Select(r => r.Claim)], actor);
        return new CsvResult(ClaimCsv.Write(rows.Select((row, index) => (row.Line, created[index]))), [], created.Count);
    }

    public async Task<IReadOnlySet<string>> TemplateIdsAsync(TenantProfile tenant) =>
        (await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenant.Slug)).ListAsync()).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    public Task<ClaimPage> ListAsync(TenantProfile tenant, OrcidEnvironment environment, int skip, int take) =>
        claims.ListAsync(tenant.Slug, environment, skip, take);

    public Uri ClaimUrl(string tenant, string token) => portal.For($"/t/{tenant}/claim/{Uri.EscapeDataString(token)}");
}
