namespace Consortium.Portal.Audit;

/// <param name="Action">A stable, dotted name, e.g. <c>tenant.created</c>.</param>
/// <param name="Target">What was acted on, e.g. the tenant's slug or an API key's id.</param>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, string? Consortium, string? Tenant, string Actor, string Action, string Target, string? RemoteAddress);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, long Total);
