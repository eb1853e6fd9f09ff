using Microsoft.AspNetCore.HostFiltering;

namespace Consortium.Portal.Hosting;

/// <summary>
/// Outside Development the portal answers only requests for its own public host (<see cref="PortalAddress"/>), unless
/// <c>AllowedHosts</c> is set, which then wins (e.g. to add the internal names health probes use). Links never come from
/// the request either way; this refuses (400) what a forged Host header would otherwise reach: caches, logs, cookies.
/// </summary>
public static class AllowedHostsSetup
{
    public const string SettingName = "AllowedHosts";

    public static void AddAllowedHosts(this WebApplicationBuilder builder, PortalAddress portal)
    {
        if (builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(builder.Configuration[SettingName]))
        {
            return;
        }
        // After the web host's own PostConfigure, which reads AllowedHosts and defaults to "*".
        builder.Services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = [portal.Base.IdnHost]);
    }
}
