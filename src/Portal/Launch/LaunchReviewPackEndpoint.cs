using Consortium.Portal.Api;
using Consortium.Portal.Services;
using Consortium.Portal.Staff;

namespace Consortium.Portal.Launch;

/// <summary>The review pack for the organisation's admins and its consortium's leads, signed in to the portal.</summary>
public static class LaunchReviewPackEndpoint
{
    public static void MapLaunchReviewPack(this IEndpointRouteBuilder app) =>
        app.MapGet("/tenants/{slug}/launch-review.md", async (string slug, HttpContext http, TenantAdminService admin, LaunchReviewService launch) =>
        {
            var tenant = await admin.GetProfileAsync(slug);
            // Another tenant's pack answers exactly like one that does not exist.
            return tenant is null || !http.User.MayManageTenant(tenant)
                ? Results.NotFound()
                : Results.File(System.Text.Encoding.UTF8.GetBytes(await launch.PackAsync(tenant)), "text/markdown", $"{slug}-launch-review.md");
        }).RequireAuthorization().ExcludeFromDescription();
}
