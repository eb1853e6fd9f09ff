using System.Security.Claims;

namespace Consortium.Portal.Api;

/// <summary>What an API caller is allowed to touch, as claims of its principal.</summary>
public static class ApiClaims
{
    public const string Role = "consortium:role";
    public const string Tenant = "consortium:tenant";
    /// <summary>Which key: <c>operator</c> or <c>{tenant}.{id}</c> (rate limits count per key).</summary>
    public const string KeyId = "consortium:key";
    public const string OperatorRole = "operator";
    public const string TenantRole = "tenant";

    public static bool IsOperator(this ClaimsPrincipal user) => user.HasClaim(Role, OperatorRole);

    public static bool MayAccessTenant(this ClaimsPrincipal user, string tenantSlug) =>
        user.IsOperator() || user.HasClaim(Tenant, tenantSlug);
}
