using Consortium.Grains.Courses;
using Consortium.Grains.OrcidClients;
using Consortium.Portal.Audit;
using Consortium.Portal.Courses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

/// <summary>Claim links for course platforms: a learner who completed a course gets a link to claim the qualification with
/// their ORCID iD.</summary>
public static class ClaimsApi
{
    public sealed record ClaimRequest(string? Env, string? TemplateId, string? ExternalId, Learner? Learner, Course? Course, string? CompletedAt);

    /// <summary>What the platform keeps: the claim's id (also its issuance's, once claimed) and the link for the learner.</summary>
    public sealed record ClaimLink(string Id, Uri ClaimUrl, DateTimeOffset ExpiresAt);

    public sealed record ClaimSummary(string Id, string ExternalId, string TemplateId, Learner Learner, Course Course, DateOnly? CompletedAt,
        DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? ClaimedBy, string Status);

    public sealed record ClaimList(IReadOnlyList<ClaimSummary> Items, int Total);

    public static void MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/v1/tenants/{tenant}/claims").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Claims");
        claims.MapPost("/", CreateAsync);
        claims.MapGet("/", ListAsync);
        // No Accepts metadata: it would answer 415 before the tenant is resolved, where every other tenant route answers 404.
        claims.MapPost("/csv", UploadAsync).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(BatchesApi.MaxUploadBytes * 2));
    }

    /// <summary>A CSV of claims (<see cref="ClaimCsv.Columns"/>) as the body or a file in a form: answered with a CSV of one link
    /// per row. Any bad row creates nothing and answers 422 naming each line and column.</summary>
    private static async Task<IResult> UploadAsync(string env, TenantContext tenant, ClaimService claims, HttpContext http)
    {
        var environment = OrcidEnvironmentName.Parse("env", env);
        if (await BatchesApi.ReadUploadAsync(http.Request) is not (var csv, _))
        {
            return TypedResults.Problem($"The file is larger than {BatchesApi.MaxUploadBytes / 1024 / 1024} MB; split it into smaller files.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large.");
        }
        ClaimService.CsvResult result;
        await using (csv)
        {
            result = await claims.CreateFromCsvAsync(tenant.Profile, environment, csv, AuditActor.FromApiCaller(http));
        }
        if (result.Csv is null)
        {
            var errors = result.Problems.GroupBy(p => p.Field == "file" ? "file" : $"line {p.Line}: {p.Field}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            return Results.ValidationProblem(errors, title: "The file has problems; no claim was created.",
                detail: $"{errors.Count} problem(s); fix them and upload the file again.", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        return TypedResults.File(result.Csv, "text/csv", "claims.csv");
    }

    /// <summary>201 with the new claim's link; 200 with the same link when the external id names an existing claim.</summary>
    private static async Task<Results<Created<ClaimLink>, Ok<ClaimLink>>> CreateAsync(ClaimRequest body, TenantContext tenant, ClaimService claims, HttpContext http)
    {
        var request = new NewClaim(body.TemplateId ?? "", body.ExternalId ?? "", body.Learner!, body.Course!,
            CompletionDate.Parse("completedAt", body.CompletedAt));
        var created = (await claims.CreateAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", body.Env), [request], AuditActor.FromApiCaller(http)))[0];
        var link = new ClaimLink(created.Claim.Id, created.ClaimUrl, created.Claim.ExpiresAt);
        return created.Created ? TypedResults.Created($"/api/v1/tenants/{tenant.Slug}/claims/{link.Id}", link) : TypedResults.Ok(link);
    }

    private static async Task<Ok<ClaimList>> ListAsync(string env, TenantContext tenant, ClaimService claims, TimeProvider clock, int skip = 0, int take = 50)
    {
        var page = await claims.ListAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", env),
            Paging.AtLeast(nameof(skip), skip, 0), Paging.AtMost(nameof(take), Paging.AtLeast(nameof(take), take, 1), ClaimPage.MaxTake));
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new ClaimList([.. page.Items.Select(item => new ClaimSummary(item.Claim.Id, item.Claim.ExternalId, item.Claim.TemplateId,
            item.Claim.Learner, item.Claim.Course, item.Claim.CompletedAt, item.Claim.CreatedAt, item.Claim.ExpiresAt, item.Claim.ClaimedBy,
            ClaimStatusNames.Of(item, now)))], page.Total));
    }
}
