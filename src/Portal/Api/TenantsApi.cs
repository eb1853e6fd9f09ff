using Consortium.Grains.Launch;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Tenants");
        api.MapGet("/", Get);
        api.MapGet("/audit", AuditAsync);
        api.MapPut("/organisation", async (OrganisationDetails body, TenantContext tenant, TenantAdminService admin, HttpContext http) =>
            TypedResults.Ok(await admin.SetOrganisationAsync(tenant.Profile, body, AuditActor.FromApiCaller(http))));
        api.MapGet("/launch-review", async (TenantContext tenant, LaunchReviewService launch) => TypedResults.Ok(await launch.GetAsync(tenant.Profile)));
        api.MapGet("/launch-review/pack", async (TenantContext tenant, LaunchReviewService launch, HttpContext http) =>
            TypedResults.Text(await launch.PackAsync(tenant.Profile), "text/markdown"));
        api.MapPost("/launch-review/submit", async (TenantContext tenant, LaunchReviewService launch, HttpContext http) =>
            TypedResults.Ok(await launch.SubmitAsync(tenant.Profile, AuditActor.FromApiCaller(http))));
        api.MapPost("/launch-review/approve", ApproveLaunchAsync);
        api.MapPost("/launch-review/return", ReturnLaunchAsync);
        return api;
    }

    public sealed record ReturnBody(string? Comments);

    /// <summary>The consortium's decision, never the tenant's own: an operator key only (leads decide on the dashboard).
    /// The operator may approve a review that was not submitted.</summary>
    private static async Task<Results<Ok<LaunchReview>, ProblemHttpResult>> ApproveLaunchAsync(TenantContext tenant, LaunchReviewService launch, HttpContext http) =>
        http.User.IsOperator()
            ? TypedResults.Ok(await launch.ApproveAsync(tenant.Profile, AuditActor.FromApiCaller(http), @override: true))
            : NotTheConsortium();

    private static async Task<Results<Ok<LaunchReview>, ProblemHttpResult>> ReturnLaunchAsync(ReturnBody body, TenantContext tenant, LaunchReviewService launch, HttpContext http) =>
        http.User.IsOperator()
            ? TypedResults.Ok(await launch.ReturnAsync(tenant.Profile, body.Comments ?? "", AuditActor.FromApiCaller(http)))
            : NotTheConsortium();

    private static ProblemHttpResult NotTheConsortium() =>
        TypedResults.Problem("Only the consortium decides a launch review.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");

    private static Ok<TenantProfile> Get(TenantContext tenant) => TypedResults.Ok(tenant.Profile);

    private static async Task<Ok<AuditPage>> AuditAsync(TenantContext tenant, TenantAdminService admin, int page = 1, int pageSize = 50, string? action = null) =>
        TypedResults.Ok(await admin.GetAuditAsync(tenant.Profile, Paging.AtLeast(nameof(page), page, 1), Paging.AtLeast(nameof(pageSize), pageSize, 1), action));
}
