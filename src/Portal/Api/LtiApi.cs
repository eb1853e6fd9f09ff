using Consortium.Grains.Interfaces;
using Consortium.Grains.Lti;
using Consortium.Grains.OrcidClients;
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
        api.MapPut("/{id}", async Task<Ok<PlatformView>> (string id, PlatformRequest body, TenantContext tenant, IGrainFactory grains, PortalAddress portal) =>
        {
            var saved = await Platforms(grains, tenant).SaveAsync(id, new LtiPlatform(body.Issuer ?? "", body.ClientId ?? "", body.DeploymentId ?? "",
                body.AuthorizationEndpoint ?? "", body.JwksUrl ?? "") { Environment = OrcidEnvironmentName.Parse("env", body.Env) });
            return TypedResults.Ok(View(tenant.Slug, id, saved, portal));
        });
        // A new signing key for the tool; the old ones stay published so what they signed still verifies.
        app.MapGroup("/api/v1/tenants/{tenant}/lti").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("LTI")
            .MapPost("/keys/rotate", async (TenantContext tenant, IGrainFactory grains, PortalAddress portal) =>
                TypedResults.Ok(await grains.GetGrain<IIssuerKeysGrain>(LtiEndpoints.ToolKeys(tenant.Slug))
                    .RotateAsync(portal.For(LtiEndpoints.JwksPath(tenant.Slug)).AbsoluteUri)));
        api.MapGet("/", async (TenantContext tenant, IGrainFactory grains, PortalAddress portal) =>
            TypedResults.Ok((await Platforms(grains, tenant).ListAsync()).Select(p => View(tenant.Slug, p.Key, p.Value, portal)).ToList()));
    }

    private static ILtiPlatformsGrain Platforms(IGrainFactory grains, TenantContext tenant) =>
        grains.GetGrain<ILtiPlatformsGrain>(LtiPlatformsGrain.KeyFor(tenant.Slug));

    private static PlatformView View(string tenant, string id, LtiPlatform platform, PortalAddress portal) =>
        new(id, platform.EnvironmentName, platform.Issuer, platform.ClientId, platform.DeploymentId, platform.AuthorizationEndpoint, platform.JwksUrl,
            portal.For(LtiEndpoints.LoginPath(tenant, id)), portal.For(LtiEndpoints.LaunchPath(tenant, id)), portal.For(LtiEndpoints.JwksPath(tenant)));
}
