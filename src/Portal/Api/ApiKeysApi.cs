using Consortium.Grains.ApiKeys;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class ApiKeysApi
{
    public sealed record NewApiKeyRequest(string? Name);

    /// <summary>The new key with its secret: the only time the secret is shown.</summary>
    public sealed record NewApiKeyResponse(string Id, string Name, string Key, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/api-keys").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("API keys");
        api.MapPost("/", CreateAsync);
        api.MapGet("/", ListAsync);
        api.MapDelete("/{id}", RevokeAsync);
        return api;
    }

    private static async Task<Created<NewApiKeyResponse>> CreateAsync(NewApiKeyRequest body, TenantContext tenant, TenantAdminService admin, HttpContext http)
    {
        var created = await admin.CreateApiKeyAsync(tenant.Profile, body.Name ?? "", AuditActor.FromApiCaller(http));
        return TypedResults.Created($"/api/v1/tenants/{tenant.Slug}/api-keys/{created.View.Id}",
            new NewApiKeyResponse(created.View.Id, created.View.Name, created.Key, created.View.CreatedAt));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(TenantContext tenant, TenantAdminService admin) =>
        TypedResults.Ok(await admin.ListApiKeysAsync(tenant.Profile));

    private static async Task<NoContent> RevokeAsync(string id, TenantContext tenant, TenantAdminService admin, HttpContext http)
    {
        await admin.RevokeApiKeyAsync(tenant.Profile, id, AuditActor.FromApiCaller(http));
        return TypedResults.NoContent();
    }
}
