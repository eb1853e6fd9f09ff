using Consortium.Orcid;
using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Issuing.Projection;

/// <summary>A tenant's issuing as the pages and the API read it: lists and counts from the projection, what is still to be
/// written from the queue.</summary>
public sealed class IssuingReader(IGrainFactory grains, IIssuingProjection projection)
{
    public async Task<IssuingCounts> CountsAsync(string tenant, OrcidEnvironment environment)
    {
        var counts = await projection.CountAsync(tenant, environment);
        var pending = await grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant, environment)).PendingAsync();
        // Queued issuances count until written, even one the queue has lost track of (its sweep takes it up again).
        return counts with { Pending = Math.Max(pending, counts.Pending) };
    }

    public Task<IssuancePage> ListAsync(string tenant, OrcidEnvironment environment, IssuanceQuery query) => projection.ListAsync(tenant, environment, query);

    public Task<IReadOnlyList<IssuanceView>> GetManyAsync(string tenant, IReadOnlyList<string> ids) => projection.GetManyAsync(tenant, ids);

    public Task<ResearcherPage> ListResearchersAsync(string tenant, OrcidEnvironment environment, ResearcherQuery query) =>
        projection.ListResearchersAsync(tenant, environment, query);
}
