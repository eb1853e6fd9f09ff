using Consortium.Grains.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Tenants");
        api.MapGet("/", Get);
        return api;
    }

    private static Ok<TenantProfile> Get(TenantContext tenant) => TypedResults.Ok(tenant.Profile);
}
