using System.Security.Claims;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Staff;
using Consortium.Portal.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Staff;

/// <summary>
/// Adds a signed-in person's roles to their principal on every request, from their staff grain and the
/// configured operators, so a role granted or revoked takes effect at once rather than at the next sign-in.
/// </summary>
public sealed class StaffClaimsTransformation(IGrainFactory grains, IOptionsMonitor<StaffOptions> options) : IClaimsTransformation
{
    public const string RolesIdentityType = "consortium-roles";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // API keys carry their own claims; a person's roles are added once per request.
        if (principal.Identities.Any(identity => identity.AuthenticationType is ApiKeyAuthenticationHandler.SchemeName or RolesIdentityType)
            || principal.StaffId() is not { } staffId)
        {
            return principal;
        }
        var roles = new ClaimsIdentity(RolesIdentityType);
        roles.AddClaims((await grains.GetGrain<IStaffGrain>(StaffKey.For(staffId)).GetRolesAsync()).Select(StaffClaims.For));
        if (options.CurrentValue.OperatorOrcids.Contains(staffId))
        {
            roles.AddClaim(new Claim(ApiClaims.Role, ApiClaims.OperatorRole));
        }
        var transformed = principal.Clone();
        transformed.AddIdentity(roles);
        return transformed;
    }
}
