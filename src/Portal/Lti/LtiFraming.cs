using Consortium.Grains.Interfaces;
using Consortium.Grains.Lti;
using Consortium.Portal.Security;

namespace Consortium.Portal.Lti;

/// <summary>
/// The LTI tool is shown inside the course: the platform frames the login, the launch and the sign-up page the launch leads to
/// (<c>/t/{tenant}/enrol/{token}?lti={platform}</c>). Those responses may be framed by the registered platform's own origins (its
/// issuer's and its authorization endpoint's) and by nobody else; every other page keeps <c>frame-ancestors 'none'</c>. Nothing
/// inside the frame needs a cookie (the login's state is kept server side), so third-party cookie blocking does not break it;
/// ORCID refuses to be framed, so the page opens Connect in a new window.
/// </summary>
public static class LtiFraming
{
    /// <summary>The query parameter the launch adds to the sign-up page, naming the platform that launched it.</summary>
    public const string PlatformParameter = "lti";

    public static void UseLtiFraming(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (FramedBy(http.Request) is var (tenant, platform)
                && await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ILtiPlatformsGrain>(LtiPlatformsGrain.KeyFor(tenant)).GetAsync(platform)
                    is { } registered)
            {
                SecurityHeaders.AllowFramingBy(http, OriginsOf(registered));
            }
            await next(http);
        });

    /// <summary>The origins a registered platform's course pages are served from.</summary>
    public static IReadOnlyCollection<string> OriginsOf(LtiPlatform platform) =>
        new[] { platform.Issuer, platform.AuthorizationEndpoint }.Select(url => new Uri(url).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The tenant and platform whose frame this request is meant for, if it is one of the tool's framed responses.</summary>
    private static (string Tenant, string Platform)? FramedBy(HttpRequest request)
    {
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["lti", var tenant, var platform, "login" or "launch"] => (tenant, platform),
            ["t", var tenant, "enrol", _] when request.Query[PlatformParameter].ToString() is { Length: > 0 } platform => (tenant, platform),
            _ => null,
        };
    }
}
