using Microsoft.AspNetCore.Authorization;

namespace Consortium.Portal.Api;

public static class ApiPolicies
{
    /// <summary>Any valid API key; which tenant it may touch is <see cref="TenantContext"/>'s job.</summary>
    public const string ApiCaller = "api-caller";

    public const string Operator = "api-operator";

    public static void AddApiPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(ApiCaller, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        options.AddPolicy(Operator, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(ApiClaims.Role, ApiClaims.OperatorRole));
    }
}
