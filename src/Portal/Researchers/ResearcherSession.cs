using Consortium.Orcid;
using System.Security.Claims;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Microsoft.AspNetCore.Authentication;

namespace Consortium.Portal.Researchers;

/// <summary>
/// Remembers, in its own cookie, which researcher connected in this browser, so the researcher page can show them
/// what was written and let them disconnect. Apart from staff sign-in: a researcher is never staff by connecting.
/// </summary>
public static class ResearcherSession
{
    public const string Scheme = "researcher";

    private const string OrcidClaim = "orcid";
    private const string TenantClaim = "tenant";
    private const string EnvironmentClaim = "env";

    public sealed record Researcher(string Orcid, string Tenant, OrcidEnvironment Environment);

    public static void AddResearcherSession(this WebApplicationBuilder builder) =>
        builder.Services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "consortium.researcher";
            options.Cookie.Path = "/t";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });

    public static Task SignInAsync(HttpContext http, string tenant, ResearcherView researcher) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new(OrcidClaim, researcher.Orcid), new(TenantClaim, tenant), new(EnvironmentClaim, researcher.Environment.Name())], Scheme)));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <returns>The researcher connected in this browser to this tenant and environment, or null.</returns>
    public static async Task<Researcher?> ReadAsync(HttpContext http, string tenant, OrcidEnvironment environment)
    {
        var result = await http.AuthenticateAsync(Scheme);
        return result.Principal is { } principal
               && principal.FindFirst(OrcidClaim)?.Value is { } orcid
               && principal.FindFirst(TenantClaim)?.Value == tenant
               && principal.FindFirst(EnvironmentClaim)?.Value == environment.Name()
            ? new Researcher(orcid, tenant, environment)
            : null;
    }
}
