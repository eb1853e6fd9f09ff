using Consortium.Grains.Interfaces;
using Consortium.Grains.Lti;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Lti;

/// <summary>The LTI 1.3 platforms a member organisation registers, each with the tool's addresses to give that platform. For the
/// settings tab and the API alike.</summary>
public sealed class LtiPlatformService(IGrainFactory grains, PortalAddress portal, AuditLog audit)
{
    /// <summary>A registered platform and the tool's addresses for it.</summary>
    public sealed record Registered(string Id, LtiPlatform Platform, Uri ToolLoginUrl, Uri ToolLaunchUrl, Uri ToolJwksUrl);

    public async Task<IReadOnlyList<Registered>> ListAsync(string tenant) =>
        (await Platforms(tenant).ListAsync()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => View(tenant, p.Key, p.Value)).ToList();

    /// <exception cref="Grains.Common.InvalidFieldException">A field is malformed; nothing is saved.</exception>
    public async Task<Registered> SaveAsync(TenantProfile tenant, string id, LtiPlatform platform, AuditActor actor)
    {
        var saved = await Platforms(tenant.Slug).SaveAsync(id, platform);
        await audit.RecordAsync(actor, "lti.platform-saved", $"{id}: {saved.Issuer}", tenant.ConsortiumSlug, tenant.Slug);
        return View(tenant.Slug, id, saved);
    }

    /// <returns>False when no platform had that id.</returns>
    public async Task<bool> RemoveAsync(TenantProfile tenant, string id, AuditActor actor)
    {
        var removed = await Platforms(tenant.Slug).RemoveAsync(id);
        if (removed)
        {
            await audit.RecordAsync(actor, "lti.platform-removed", id, tenant.ConsortiumSlug, tenant.Slug);
        }
        return removed;
    }

    /// <summary>The tool's public keys, one address for every platform of the tenant.</summary>
    public Uri ToolJwksUrl(string tenant) => portal.For(LtiEndpoints.JwksPath(tenant));

    private Registered View(string tenant, string id, LtiPlatform platform) =>
        new(id, platform, portal.For(LtiEndpoints.LoginPath(tenant, id)), portal.For(LtiEndpoints.LaunchPath(tenant, id)), ToolJwksUrl(tenant));

    private ILtiPlatformsGrain Platforms(string tenant) => grains.GetGrain<ILtiPlatformsGrain>(LtiPlatformsGrain.KeyFor(tenant));
}
