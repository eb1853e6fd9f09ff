using Consortium.Grains.OrcidClients;
using Consortium.Grains.Webhooks;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class OrcidClientsApi
{
    public sealed record OrcidClientRequest(string? ClientId, string? ClientSecret);

    public static RouteGroupBuilder MapOrcidClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/clients").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("ORCID clients");
        api.MapPut("/{env}", SaveAsync);
        api.MapGet("/{env}", GetAsync);
        api.MapGet("/{env}/webhooks", GetWebhookStatusAsync);
        return api;
    }

    private static async Task<Ok<OrcidClientView>> SaveAsync(string env, OrcidClientRequest body, TenantContext tenant, TenantAdminService admin, HttpContext http) =>
        TypedResults.Ok(await admin.SaveOrcidClientAsync(tenant.Profile, OrcidEnvironmentName.Parse("environment", env), body.ClientId ?? "", body.ClientSecret ?? "", AuditActor.FromApiCaller(http)));

    private static async Task<Ok<WebhookStatus>> GetWebhookStatusAsync(string env, TenantContext tenant, TenantAdminService admin) =>
        TypedResults.Ok(await admin.GetWebhookStatusAsync(tenant.Profile, OrcidEnvironmentName.Parse("environment", env)));

    private static async Task<Results<Ok<OrcidClientView>, NotFound>> GetAsync(string env, TenantContext tenant, TenantAdminService admin) =>
        await admin.GetOrcidClientAsync(tenant.Profile, OrcidEnvironmentName.Parse("environment", env)) is { } client ? TypedResults.Ok(client) : TypedResults.NotFound();
}
