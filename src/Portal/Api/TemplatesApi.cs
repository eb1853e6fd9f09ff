using Consortium.Grains.Templates;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/templates").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Templates");
        api.MapGet("/", async (TenantContext tenant, IssuingService issuing) => TypedResults.Ok(await issuing.ListTemplatesAsync(tenant.Profile)));
        api.MapGet("/{id}", GetAsync);
        api.MapPut("/{id}", SaveAsync);
        return api;
    }

    private static async Task<Results<Ok<QualificationTemplate>, NotFound>> GetAsync(string id, TenantContext tenant, IssuingService issuing) =>
        await issuing.GetTemplateAsync(tenant.Profile, id) is { } template ? TypedResults.Ok(template) : TypedResults.NotFound();

    private static async Task<Ok<QualificationTemplate>> SaveAsync(string id, TemplateInput body, TenantContext tenant, IssuingService issuing, HttpContext http) =>
        TypedResults.Ok(await issuing.SaveTemplateAsync(tenant.Profile, id, body, AuditActor.FromApiCaller(http)));
}
