using MudBlazor;

namespace Consortium.Portal.Components.Pages.Tenants;

/// <summary>One sub-page of a member organisation's admin pages, <c>/tenants/{slug}/{Key}</c>, as the left-hand navigation lists it.</summary>
/// <param name="Group">The heading it is listed under, or null for one listed on its own.</param>
public sealed record TenantSection(string Key, string Title, string? Group, string Icon)
{
    public const string Issuing = "issuing";
    public const string Templates = "templates";
    public const string Researchers = "researchers";
    public const string TrustRules = "trust-rules";
    public const string Verify = "verify";
    public const string Organisation = "organisation";
    public const string LaunchReview = "launch-review";
    public const string OrcidClients = "orcid-clients";
    public const string Branding = "branding";
    public const string ApiKeys = "api-keys";
    public const string BadgeSigning = "badge-signing";
    public const string Team = "team";
    public const string Audit = "audit";
    public const string CoursePlatforms = "course-platforms";

    /// <summary>In the order the navigation lists them: daily work first, then setup, access, going live, and the log.</summary>
    public static IReadOnlyList<TenantSection> All { get; } =
    [
        new(Issuing, "Issuing", "Work", Icons.Material.Filled.Send),
        new(Researchers, "Researchers", "Work", Icons.Material.Filled.People),
        new(Verify, "Verify", "Work", Icons.Material.Filled.FactCheck),
        new(Organisation, "Organisation", "Setup", Icons.Material.Filled.Business),
        new(OrcidClients, "ORCID clients", "Setup", Icons.Material.Filled.VpnKey),
        new(Templates, "Templates", "Setup", Icons.Material.Filled.Description),
        new(Branding, "Branding", "Setup", Icons.Material.Filled.Palette),
        new(TrustRules, "Trust rules", "Setup", Icons.Material.Filled.Rule),
        new(CoursePlatforms, "Course platforms", "Setup", Icons.Material.Filled.School),
        new(Team, "Team", "Access", Icons.Material.Filled.Group),
        new(ApiKeys, "API keys", "Access", Icons.Material.Filled.Key),
        new(BadgeSigning, "Badge signing", "Access", Icons.Material.Filled.Verified),
        new(LaunchReview, "Launch review", "Go live", Icons.Material.Filled.RocketLaunch),
        new(Audit, "Audit log", null, Icons.Material.Filled.History),
    ];

    /// <summary>The section at <paramref name="key"/>; also the old tab names (<c>?tab=launch</c>), so links made before the
    /// sub-pages still land in the right place.</summary>
    public static TenantSection? Find(string? key) =>
        All.FirstOrDefault(section => string.Equals(section.Key, key == "launch" ? LaunchReview : key, StringComparison.OrdinalIgnoreCase));

    public static string PathOf(string tenant, string? key = null) => key is null ? $"/tenants/{tenant}" : $"/tenants/{tenant}/{key}";
}
