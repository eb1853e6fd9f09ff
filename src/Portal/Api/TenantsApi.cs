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
        return api;
    }

    private static Ok<TenantProfile> Get(TenantContext tenant) => TypedResults.Ok(tenant.Profile);

    private static async Task<Ok<AuditPage>> AuditAsync(TenantContext tenant, TenantAdminService admin, int page = 1, int pageSize = 50, string? action = null) =>
        TypedResults.Ok(await admin.GetAuditAsync(tenant.Profile, page, pageSize, action));
}
