using System.Security.Claims;

namespace Consortium.Portal.Api;

/// <summary>What an API caller is allowed to touch, as claims of its principal.</summary>
public static class ApiClaims
{
    public const string Role = "consortium:role";
    public const string Tenant = "consortium:tenant";
    public const string OperatorRole = "operator";
    public const string TenantRole = "tenant";

    public static bool IsOperator(this ClaimsPrincipal user) => user.HasClaim(Role, OperatorRole);

    public static bool MayAccessTenant(this ClaimsPrincipal user, string tenantSlug) =>
        user.IsOperator() || user.HasClaim(Tenant, tenantSlug);
}
