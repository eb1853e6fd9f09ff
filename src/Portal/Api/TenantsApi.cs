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
        api.MapPost("/launch-review/approve", ApproveLaunchAsync);
        return api;
    }

    /// <summary>The consortium's decision, never the tenant's own: an operator key only (leads approve on the dashboard).</summary>
    private static async Task<Results<Ok<TenantProfile>, ProblemHttpResult>> ApproveLaunchAsync(TenantContext tenant, ConsortiumService consortia, HttpContext http) =>
        http.User.IsOperator()
            ? TypedResults.Ok(await consortia.SetLaunchApprovedAsync(tenant.Profile.ConsortiumSlug, tenant.Slug, approved: true, AuditActor.FromApiCaller(http)))
            : TypedResults.Problem("Only the consortium approves a launch review.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");

    private static Ok<TenantProfile> Get(TenantContext tenant) => TypedResults.Ok(tenant.Profile);

    private static async Task<Ok<AuditPage>> AuditAsync(TenantContext tenant, TenantAdminService admin, int page = 1, int pageSize = 50, string? action = null) =>
        TypedResults.Ok(await admin.GetAuditAsync(tenant.Profile, page, pageSize, action));
}
