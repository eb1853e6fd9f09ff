using Consortium.Grains.Issuing.Projection;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

/// <summary>What the installation's operator runs now and then (operator key only).</summary>
public static class OperationsApi
{
    public sealed record RebuildResult(int Rows);

    public static void MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup("/api/v1/operations").RequireAuthorization(ApiPolicies.Operator).WithTags("Operations");
        // The lists are empty for one tenant (or all) while it runs: a few seconds per 10,000 issuances.
        operations.MapPost("/issuing-projection/rebuild", async (ProjectionRebuild rebuild, string? tenant, CancellationToken cancellationToken) =>
            TypedResults.Ok(new RebuildResult(await rebuild.RunAsync(string.IsNullOrWhiteSpace(tenant) ? null : tenant.Trim(), cancellationToken))));
        // What the overview page shows the operator: the hosting mode, storage and each silo, dead ones with when they were last alive.
        operations.MapGet("/cluster", async (ClusterStatusService status) => TypedResults.Ok(await status.GetAsync()));
    }
}
