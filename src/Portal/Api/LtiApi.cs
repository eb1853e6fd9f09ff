using Consortium.Grains.Interfaces;
using Consortium.Grains.Lti;
using Consortium.Grains.OrcidClients;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;
using Consortium.Portal.Lti;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

/// <summary>LTI 1.3 platforms a member organisation registers, and the tool's addresses to give each platform.</summary>
public static class LtiApi
{
    public sealed record PlatformRequest(string? Env, string? Issuer, string? ClientId, string? DeploymentId, string? AuthorizationEndpoint, string? JwksUrl);

    public sealed record PlatformView(string Id, string Environment, string Issuer, string ClientId, string DeploymentId, string AuthorizationEndpoint,
        string JwksUrl, Uri ToolLoginUrl, Uri ToolLaunchUrl, Uri ToolJwksUrl);

    public static void MapLtiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/lti/platforms").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("LTI");
        api.MapPut("/{id}", async Task<Ok<PlatformView>> (string id, PlatformRequest body, TenantContext tenant, LtiPlatformService platforms, HttpContext http) =>
            TypedResults.Ok(View(await platforms.SaveAsync(tenant.Profile, id, new LtiPlatform(body.Issuer ?? "", body.ClientId ?? "", body.DeploymentId ?? "",
                body.AuthorizationEndpoint ?? "", body.JwksUrl ?? "") { Environment = OrcidEnvironmentName.Parse("env", body.Env) }, AuditActor.FromApiCaller(http)))));
        api.MapDelete("/{id}", async Task<Results<NoContent, NotFound>> (string id, TenantContext tenant, LtiPlatformService platforms, HttpContext http) =>
            await platforms.RemoveAsync(tenant.Profile, id, AuditActor.FromApiCaller(http)) ? TypedResults.NoContent() : TypedResults.NotFound());
        // A new signing key for the tool; the old ones stay published so what they signed still verifies.
        app.MapGroup("/api/v1/tenants/{tenant}/lti").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("LTI")
            .MapPost("/keys/rotate", async (TenantContext tenant, IGrainFactory grains, PortalAddress portal) =>
                TypedResults.Ok(await grains.GetGrain<IIssuerKeysGrain>(LtiEndpoints.ToolKeys(tenant.Slug))
                    .RotateAsync(portal.For(LtiEndpoints.JwksPath(tenant.Slug)).AbsoluteUri)));
        api.MapGet("/", async (TenantContext tenant, LtiPlatformService platforms) =>
            TypedResults.Ok((await platforms.ListAsync(tenant.Slug)).Select(View).ToList()));
    }

    private static PlatformView View(LtiPlatformService.Registered registered)
    {
        var platform = registered.Platform;
        return new(registered.Id, platform.EnvironmentName, platform.Issuer, platform.ClientId, platform.DeploymentId, platform.AuthorizationEndpoint,
            platform.JwksUrl, registered.ToolLoginUrl, registered.ToolLaunchUrl, registered.ToolJwksUrl);
    }
}
