using Consortium.Grains.Email;
using Consortium.Grains.Staff;
using Consortium.Portal.Audit;
using Consortium.Portal.Invitations;
using Consortium.Portal.Researchers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

/// <summary>A member organisation's invitation emails that are not sent yet (its researchers' and its admins'), and their re-send.</summary>
public static class OutboxApi
{
    /// <param name="Kind"><c>researcher</c> (the reference is an issuance id) or <c>staff</c> (an invitation id).</param>
    public sealed record UnsentEmail(string Kind, OutboxEntry Email);

    public static void MapOutboxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/outbox").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Outbox");
        api.MapGet("/", ListAsync);
        api.MapPost("/{reference}/resend", ResendAsync);
    }

    /// <param name="limit">At most this many of each kind, newest first (default 100, at most 1000).</param>
    private static async Task<Ok<IReadOnlyList<UnsentEmail>>> ListAsync(
        TenantContext tenantContext, ConsentInvitationOutbox researchers, InvitationService staff, int? limit)
    {
        var tenant = tenantContext.Profile;
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        var researcherEmails = await researchers.UnsentAsync(tenant, take);
        var staffEmails = await staff.UnsentAsync(AdminRole(tenant.Slug), take);
        IReadOnlyList<UnsentEmail> unsent = [.. researcherEmails.Select(email => new UnsentEmail("researcher", email)),
            .. staffEmails.Select(email => new UnsentEmail("staff", email))];
        return TypedResults.Ok(unsent);
    }

    /// <summary>The same message again, with the same link: 204, or 404 when no failed email has this reference.</summary>
    private static async Task<Results<NoContent, NotFound>> ResendAsync(
        string reference, TenantContext tenantContext, ConsentInvitationOutbox researchers, InvitationService staff, HttpContext http)
    {
        var tenant = tenantContext.Profile;
        var actor = AuditActor.FromApiCaller(http);
        var requeued = await researchers.ResendAsync(tenant, reference, actor)
            || await staff.ResendAsync(AdminRole(tenant.Slug), reference, tenant.ConsortiumSlug, tenant.Slug, actor);
        return requeued ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static StaffRole AdminRole(string tenant) => new(StaffRoleKind.MemberAdmin, tenant);
}
