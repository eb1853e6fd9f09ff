using Consortium.Grains.Consortia;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class ConsortiaApi
{
    /// <summary>A member organisation to create; with <c>adminEmail</c>, its first admin is invited by email.</summary>
    public sealed record NewTenantRequest(string? Slug, string? Name, string? RorId, string? AdminEmail);

    public static RouteGroupBuilder MapConsortiaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/consortia").RequireAuthorization(ApiPolicies.Operator).WithTags("Consortia");
        api.MapPost("/", CreateAsync);
        api.MapPost("/{consortium}/tenants", CreateTenantAsync);
        api.MapGet("/{consortium}/tenants", ListTenantsAsync);
        api.MapGet("/{consortium}/audit", AuditAsync);
        api.MapPost("/{consortium}/tenants/{tenantSlug}/suspend", (string consortium, string tenantSlug, ConsortiumService consortia, HttpContext http) =>
            SetSuspendedAsync(consortium, tenantSlug, suspended: true, consortia, http));
        api.MapPost("/{consortium}/tenants/{tenantSlug}/resume", (string consortium, string tenantSlug, ConsortiumService consortia, HttpContext http) =>
            SetSuspendedAsync(consortium, tenantSlug, suspended: false, consortia, http));
        return api;
    }

    private static async Task<Created<ConsortiumProfile>> CreateAsync(NewConsortium body, ConsortiumService consortia, HttpContext http)
    {
        var created = await consortia.CreateAsync(body, AuditActor.FromApiCaller(http));
        return TypedResults.Created($"/api/v1/consortia/{created.Slug}", created);
    }

    private static async Task<Created<TenantProfile>> CreateTenantAsync(string consortium, NewTenantRequest body, ConsortiumService consortia, HttpContext http)
    {
        var created = await consortia.CreateTenantAsync(consortium, new NewTenant(body.Slug ?? "", body.Name ?? "", body.RorId), body.AdminEmail,
            AuditActor.FromApiCaller(http));
        return TypedResults.Created($"/api/v1/tenants/{created.Slug}", created);
    }

    private static async Task<Ok<IReadOnlyList<TenantProfile>>> ListTenantsAsync(string consortium, ConsortiumService consortia) =>
        TypedResults.Ok(await consortia.ListTenantsAsync(consortium));

    private static async Task<Ok<TenantProfile>> SetSuspendedAsync(
        string consortium, string tenantSlug, bool suspended, ConsortiumService consortia, HttpContext http) =>
        TypedResults.Ok(await consortia.SetTenantSuspendedAsync(consortium, tenantSlug, suspended, AuditActor.FromApiCaller(http)));

    private static async Task<Results<Ok<AuditPage>, NotFound>> AuditAsync(
        string consortium, ConsortiumService consortia, AuditLog audit, int page = 1, int pageSize = 50, string? action = null) =>
        await consortia.GetAsync(consortium) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await audit.ForConsortiumAsync(consortium, Paging.AtLeast(nameof(page), page, 1), Paging.AtLeast(nameof(pageSize), pageSize, 1), action));
}
