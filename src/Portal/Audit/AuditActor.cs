using System.Security.Claims;
using Consortium.Portal.Api;
using Consortium.Portal.Staff;

namespace Consortium.Portal.Audit;

/// <summary>Who did something, and from where, as the audit log records it.</summary>
public sealed record AuditActor(string Name, string? RemoteAddress)
{
    /// <summary>A person signed in to the portal's pages.</summary>
    public static AuditActor ForStaff(ClaimsPrincipal user) => new(user.DisplayName(), RemoteAddress: null);

    public static AuditActor FromApiCaller(HttpContext http)
    {
        var name = http.User.IsOperator()
            ? "operator (API key)"
            : $"API key of {http.User.FindFirst(ApiClaims.Tenant)?.Value}";
        return new AuditActor(name, http.Connection.RemoteIpAddress?.ToString());
    }
}
