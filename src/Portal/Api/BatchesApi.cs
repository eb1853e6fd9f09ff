using Consortium.Grains.OrcidClients;
using Consortium.Portal.Audit;
using Consortium.Portal.Issuing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Consortium.Portal.Api;

public static class BatchesApi
{
    /// <summary>Uploads larger than this are refused before parsing (10,000 rows fit comfortably).</summary>
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>The server cuts a request off past this. Below it, the rest of a too-large body is read (and dropped) after
    /// the 413, so the client gets the answer instead of a reset connection.</summary>
    private const long MaxRequestBytes = 64 * 1024 * 1024;

    /// <summary>A multipart form is buffered before the file in it can be read: at most the file and the form's own headers.</summary>
    private const long MaxFormBytes = MaxUploadBytes + 64 * 1024;

    public static void MapBatchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/batches").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Batches");
        // No Accepts metadata: it would answer 415 before the tenant is resolved, where every other tenant route answers 404.
        // The size limit holds on the stream, so a chunked upload (no Content-Length) is cut off too.
        api.MapPost("/", UploadAsync).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).WithFormOptions(multipartBodyLengthLimit: MaxFormBytes);
        api.MapGet("/{id}", async (string id, TenantContext tenant, BatchService batches) =>
            await batches.GetResultAsync(tenant.Profile, id) is { } result
                ? Results.Ok(new
                {
                    result.Batch.Id,
                    result.Batch.Environment,
                    result.Batch.Accepted,
                    Created = result.Batch.CreatedRows,
                    result.Batch.Creating,
                    result.Batch.Stopped,
                    result.Rows,
                })
                : Results.NotFound());
        api.MapGet("/{id}/result.csv", async (string id, TenantContext tenant, BatchService batches) =>
            await batches.GetResultAsync(tenant.Profile, id) is { } result
                ? Results.File(BatchCsvWriter.Write(result.Rows), "text/csv", $"{id}-result.csv")
                : Results.NotFound());
    }

    /// <summary>The CSV as the request body (<c>text/csv</c>) or as a file in a multipart form. A dry run answers 200 with its
    /// report; applying answers 202 at once, with the batch's address, while its issuances are created in the background.</summary>
    private static async Task<Results<Ok<BatchReport>, Accepted<BatchReport>, ProblemHttpResult>> UploadAsync(
        string env, TenantContext tenant, BatchService batches, HttpContext http, bool dryRun = true)
    {
        if (await ReadUploadAsync(http.Request) is not (var csv, var fileName))
        {
            return TypedResults.Problem($"The file is larger than {MaxUploadBytes / 1024 / 1024} MB; split it into smaller files.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large.");
        }
        await using (csv)
        {
            var environment = OrcidEnvironmentName.Parse("env", env);
            if (dryRun)
            {
                return TypedResults.Ok(await batches.DryRunAsync(tenant.Profile, environment, csv));
            }
            var applied = await batches.ApplyAsync(tenant.Profile, environment, csv, fileName, AuditActor.FromApiCaller(http));
            return TypedResults.Accepted($"/api/v1/tenants/{tenant.Profile.Slug}/batches/{applied.BatchId}", applied);
        }
    }

    /// <summary>The uploaded file in memory, or null when it is larger than <see cref="MaxUploadBytes"/>.</summary>
    internal static async Task<(MemoryStream Csv, string FileName)?> ReadUploadAsync(HttpRequest request)
    {
        try
        {
            var (upload, fileName) = request.HasFormContentType && (await request.ReadFormAsync()).Files.FirstOrDefault() is { } file
                ? (file.OpenReadStream(), file.FileName)
                : (request.Body, "upload.csv");
            return await ReadAtMostAsync(upload, MaxUploadBytes) is { } csv ? (csv, fileName) : null;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own limit on the request (MaxRequestBytes).
            return null;
        }
        catch (InvalidDataException)
        {
            // The form is larger than MaxFormBytes.
            return null;
        }
    }

    /// <summary>The whole stream, or null as soon as it is longer than <paramref name="limit"/>: never more is held.</summary>
    private static async Task<MemoryStream?> ReadAtMostAsync(Stream source, long limit)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk)) > 0)
        {
            if (buffered.Length + read > limit)
            {
                await buffered.DisposeAsync();
                return null;
            }
            buffered.Write(chunk, 0, read);
        }
        buffered.Position = 0;
        return buffered;
    }
}
