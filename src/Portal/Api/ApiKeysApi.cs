using Consortium.Grains.ApiKeys;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
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

    private static async Task<Created<NewApiKeyResponse>> CreateAsync(NewApiKeyRequest body, TenantContext tenant, IGrainFactory grains, AuditLog audit, HttpContext http)
    {
        var created = await Keys(grains, tenant).CreateAsync(body.Name ?? "");
        await RecordAsync(audit, http, tenant, "api-key.created", created.View.Id);
        return TypedResults.Created($"/api/v1/tenants/{tenant.Slug}/api-keys/{created.View.Id}",
            new NewApiKeyResponse(created.View.Id, created.View.Name, created.Key, created.View.CreatedAt));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(TenantContext tenant, IGrainFactory grains) =>
        TypedResults.Ok(await Keys(grains, tenant).ListAsync());

    private static async Task<NoContent> RevokeAsync(string id, TenantContext tenant, IGrainFactory grains, AuditLog audit, HttpContext http)
    {
        await Keys(grains, tenant).RevokeAsync(id);
        await RecordAsync(audit, http, tenant, "api-key.revoked", id);
        return TypedResults.NoContent();
    }

    private static Task RecordAsync(AuditLog audit, HttpContext http, TenantContext tenant, string action, string keyId) =>
        audit.RecordAsync(AuditActor.FromApiCaller(http), action, keyId, tenant.Profile.ConsortiumSlug, tenant.Slug);

    private static ITenantApiKeysGrain Keys(IGrainFactory grains, TenantContext tenant) =>
        grains.GetGrain<ITenantApiKeysGrain>(TenantKey.For(tenant.Slug));
}
