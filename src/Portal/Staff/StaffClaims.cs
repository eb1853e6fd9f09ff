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

    /// <summary>Set at sign-in through an additional provider: <c>{provider}:{sub}</c>.</summary>
    public const string StaffIdClaim = "staff_id";

    /// <summary>Who the person is to the portal: the ORCID iD they signed in with (OpenID Connect <c>sub</c>), or
    /// <c>{provider}:{sub}</c> through an additional provider. Roles and invitations are bound to it.</summary>
    public static string? StaffId(this ClaimsPrincipal user) =>
        user.FindFirst(StaffIdClaim)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value;

    /// <summary>The email address the sign-in vouches for: an OpenID Connect <c>email</c> claim with <c>email_verified</c> true.
    /// ORCID's sign-in gives none.</summary>
    public static string? VerifiedEmail(this ClaimsPrincipal user) =>
        bool.TryParse(user.FindFirst("email_verified")?.Value, out var verified) && verified ? user.FindFirst("email")?.Value : null;

    /// <summary>How the audit log names a signed-in person: their name and staff id.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => $"{user.Identity?.Name ?? "unknown"} ({user.StaffId()})";

    public static Claim For(StaffRole role) => new(role.Kind == StaffRoleKind.ConsortiumLead ? Lead : Admin, role.Scope);

    public static bool MayManageConsortium(this ClaimsPrincipal user, string consortiumSlug) =>
        user.IsOperator() || user.HasClaim(Lead, consortiumSlug);

    public static bool MayManageTenant(this ClaimsPrincipal user, TenantProfile tenant) =>
        user.MayManageConsortium(tenant.ConsortiumSlug) || user.HasClaim(Admin, tenant.Slug);
}
