using System.Security.Claims;
using Consortium.Grains.Staff;
using Consortium.Grains.Tenants;
using Consortium.Portal.Api;

namespace Consortium.Portal.Staff;

/// <summary>What a signed-in person may manage, as claims added at each request from their roles.</summary>
public static class StaffClaims
{
    public const string Lead = "consortium:lead";
    public const string Admin = "consortium:admin";

    /// <summary>The ORCID iD the person signed in with (OpenID Connect <c>sub</c>).</summary>
    public static string? Orcid(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value;

    /// <summary>How the audit log names a signed-in person: their name and iD.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => $"{user.Identity?.Name ?? "unknown"} ({user.Orcid()})";

    public static Claim For(StaffRole role) => new(role.Kind == StaffRoleKind.ConsortiumLead ? Lead : Admin, role.Scope);

    public static bool MayManageConsortium(this ClaimsPrincipal user, string consortiumSlug) =>
        user.IsOperator() || user.HasClaim(Lead, consortiumSlug);

    public static bool MayManageTenant(this ClaimsPrincipal user, TenantProfile tenant) =>
        user.MayManageConsortium(tenant.ConsortiumSlug) || user.HasClaim(Admin, tenant.Slug);
}
