using Consortium.Grains.Branding;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class BrandingApi
{
    public static RouteGroupBuilder MapBrandingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/branding").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Branding");
        api.MapGet("/", GetAsync);
        api.MapPut("/", SetAsync);
        api.MapPut("/logo", SetLogoAsync).Accepts<byte[]>("image/png", "image/jpeg", "image/svg+xml");

        // Public: researcher pages and certificates show it.
        app.MapGet("/t/{tenant}/logo", GetLogoAsync).AllowAnonymous().ExcludeFromDescription();
        return api;
    }

    private static async Task<Ok<TenantBranding>> GetAsync(TenantContext tenant, TenantAdminService admin) =>
        TypedResults.Ok(await admin.GetBrandingAsync(tenant.Profile));

    private static async Task<Ok<TenantBranding>> SetAsync(TenantBranding body, TenantContext tenant, TenantAdminService admin, HttpContext http) =>
        TypedResults.Ok(await admin.SetBrandingAsync(tenant.Profile, body, AuditActor.FromApiCaller(http)));

    private static async Task<NoContent> SetLogoAsync(TenantContext tenant, TenantAdminService admin, HttpContext http)
    {
        // Read one byte past the limit, so an oversize upload is refused by the grain's own check without buffering it all.
        var buffer = new byte[Logo.MaxBytes + 1];
        var read = await http.Request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, http.RequestAborted);
        await admin.SetLogoAsync(tenant.Profile, buffer[..read], AuditActor.FromApiCaller(http));
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetLogoAsync(string tenant, IGrainFactory grains, HttpContext http)
    {
        if (await grains.GetGrain<ITenantBrandingGrain>(TenantKey.For(tenant)).GetLogoAsync() is not { } logo)
        {
            return TypedResults.NotFound();
        }
        // An SVG opened directly must not run script under the portal's origin.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(logo.Content, logo.ContentType);
    }
}
