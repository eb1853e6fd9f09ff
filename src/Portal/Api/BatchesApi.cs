using Consortium.Portal.Audit;
using Consortium.Portal.Issuing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class BatchesApi
{
    /// <summary>Uploads larger than this are refused before parsing (10,000 rows fit comfortably).</summary>
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public static void MapBatchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/batches").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Batches");
        // No Accepts metadata: it would answer 415 before the tenant is resolved, where every other tenant route answers 404.
        api.MapPost("/", UploadAsync).DisableAntiforgery();
        api.MapGet("/{id}", async (string id, TenantContext tenant, BatchService batches) =>
            await batches.GetResultAsync(tenant.Profile, id) is { } result ? Results.Ok(new { result.Batch.Id, result.Batch.Environment, result.Rows }) : Results.NotFound());
        api.MapGet("/{id}/result.csv", async (string id, TenantContext tenant, BatchService batches) =>
            await batches.GetResultAsync(tenant.Profile, id) is { } result
                ? Results.File(BatchCsvWriter.Write(result.Rows), "text/csv", $"{id}-result.csv")
                : Results.NotFound());
    }

    /// <summary>The CSV as the request body (<c>text/csv</c>) or as a file in a multipart form.</summary>
    private static async Task<Results<Ok<BatchReport>, ProblemHttpResult>> UploadAsync(
        string env, TenantContext tenant, BatchService batches, HttpContext http, bool dryRun = true)
    {
        if (http.Request.ContentLength > MaxUploadBytes)
        {
            return TypedResults.Problem($"The file is larger than {MaxUploadBytes / 1024 / 1024} MB; split it into smaller files.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        var (csv, fileName) = http.Request.HasFormContentType && (await http.Request.ReadFormAsync()).Files.FirstOrDefault() is { } file
            ? (file.OpenReadStream(), file.FileName)
            : (http.Request.Body, "upload.csv");
        await using var buffered = new MemoryStream();
        await csv.CopyToAsync(buffered);
        buffered.Position = 0;
        return TypedResults.Ok(dryRun
            ? await batches.DryRunAsync(tenant.Profile, env, buffered)
            : await batches.ApplyAsync(tenant.Profile, env, buffered, fileName, AuditActor.FromApiCaller(http)));
    }
}
