using Consortium.Portal.Services;
using Consortium.Portal.Staff;

namespace Consortium.Portal.Issuing;

/// <summary>The result CSV of a batch for a member admin signed in to the portal (the API has its own, for API keys).</summary>
public static class BatchDownloadEndpoint
{
    public static void MapBatchDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/tenants/{slug}/batches/{id}/result.csv", async (string slug, string id, HttpContext http, TenantAdminService admin, BatchService batches) =>
        {
            var tenant = await admin.GetProfileAsync(slug);
            // Another tenant's batch answers exactly like one that does not exist.
            if (tenant is null || !http.User.MayManageTenant(tenant) || await batches.GetResultAsync(tenant, id) is not { } result)
            {
                return Results.NotFound();
            }
            return Results.File(BatchCsvWriter.Write(result.Rows), "text/csv", $"{id}-result.csv");
        }).RequireAuthorization().ExcludeFromDescription();
}
