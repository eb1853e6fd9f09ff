using Consortium.Grains.Common;
using Consortium.Grains.Tenants;
using Consortium.Grains.Snapshots;

namespace Consortium.Portal.Api;

/// <summary>
/// The one tenant a request under <c>/api/v1/tenants/{tenant}</c> may touch. Resolved once, from the route and
/// the caller; a tenant the caller may not see answers 404 exactly like one that does not exist. The profile comes from the
/// process's snapshot, which a change of the tenant (a suspension) ends before the change returns.
/// </summary>
public sealed record TenantContext(TenantProfile Profile)
{
    public string Slug => Profile.Slug;

    public static async ValueTask<TenantContext> BindAsync(HttpContext http)
    {
        var slug = http.GetRouteValue("tenant") as string ?? "";
        var profile = http.User.MayAccessTenant(slug)
            ? await http.RequestServices.GetRequiredService<TenantSnapshots>().ProfileAsync(http.RequestServices.GetRequiredService<IGrainFactory>(), slug)
            : null;
        if (profile is null)
        {
            throw new NotFoundException($"There is no member organisation '{slug}'.");
        }
        return profile.IsSuspended && !http.User.IsOperator()
            ? throw new TenantSuspendedException(slug)
            : new TenantContext(profile);
    }
}
