using Consortium.Portal.Api;

namespace Consortium.Portal.Audit;

/// <summary>Who did something, and from where, as the audit log records it.</summary>
public sealed record AuditActor(string Name, string? RemoteAddress)
{
    /// <summary>Portal pages have no sign-in yet; their changes are recorded as this.</summary>
    public static AuditActor PortalVisitor(string? remoteAddress) => new("portal visitor (no sign-in)", remoteAddress);

    public static AuditActor FromApiCaller(HttpContext http)
    {
        var name = http.User.IsOperator()
            ? "operator (API key)"
            : $"API key of {http.User.FindFirst(ApiClaims.Tenant)?.Value}";
        return new AuditActor(name, http.Connection.RemoteIpAddress?.ToString());
    }
}
