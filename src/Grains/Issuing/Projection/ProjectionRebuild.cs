using Consortium.Grains.Interfaces;
using Microsoft.Extensions.Logging;

namespace Consortium.Grains.Issuing.Projection;

/// <summary>
/// Rebuilds the issuing projection from grain state: empties it, then asks every issuance and researcher grain with stored state
/// to write its row again. Run after an upgrade that added the projection, or by an operator when it is in doubt; changes made
/// meanwhile are kept (a newer version always wins).
/// </summary>
public sealed class ProjectionRebuild(IGrainFactory grains, IIssuingProjection projection, ILogger<ProjectionRebuild> logger)
{
    private const int CallsAtOnce = 64;

    /// <param name="tenant">One member organisation, or all when null.</param>
    /// <returns>How many rows were written.</returns>
    public async Task<int> RunAsync(string? tenant, CancellationToken cancellationToken = default)
    {
        await projection.ClearAsync(tenant);
        var keys = await projection.StoredKeysAsync(tenant);
        foreach (var chunk in keys.Issuances.Chunk(CallsAtOnce))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAll(chunk.Select(key => grains.GetGrain<IIssuanceGrain>(key).ProjectAsync()));
        }
        foreach (var chunk in keys.Researchers.Chunk(CallsAtOnce))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAll(chunk.Select(key => grains.GetGrain<IResearcherGrain>(key).ProjectAsync()));
        }
        logger.LogInformation("Rebuilt the issuing projection of {Tenant}: {Issuances} issuances, {Researchers} researchers.",
            tenant ?? "every member organisation", keys.Issuances.Count, keys.Researchers.Count);
        return keys.Issuances.Count + keys.Researchers.Count;
    }
}
