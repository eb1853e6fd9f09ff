using Consortium.Grains.Common;
using Consortium.Grains.Invitations;
using Consortium.Grains.Staff;
using Consortium.Portal.Audit;
using Consortium.Portal.Invitations;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class InvitationsApi
{
    public sealed record InvitationRequest(string? Email);

    public static void MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/consortia/{consortium}/invitations", InviteLeadAsync)
            .RequireAuthorization(ApiPolicies.Operator).WithTags("Invitations");
        app.MapPost("/api/v1/tenants/{tenant}/invitations", InviteAdminAsync)
            .RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Invitations");
    }

    private static async Task<Created<InvitationView>> InviteLeadAsync(
        string consortium, InvitationRequest body, ConsortiumService consortia, InvitationService invitations, HttpContext http)
    {
        var profile = await consortia.GetAsync(consortium) ?? throw new NotFoundException($"There is no consortium '{consortium}'.");
        var sent = await invitations.InviteAsync(body.Email ?? "", new StaffRole(StaffRoleKind.ConsortiumLead, profile.Slug), profile.Name,
            profile.Slug, tenant: null, AuditActor.FromApiCaller(http));
        return TypedResults.Created((string?)null, sent);
    }

    private static async Task<Created<InvitationView>> InviteAdminAsync(
        TenantContext tenantContext, InvitationRequest body, InvitationService invitations, HttpContext http)
    {
        var tenant = tenantContext.Profile;
        var sent = await invitations.InviteAsync(body.Email ?? "", new StaffRole(StaffRoleKind.MemberAdmin, tenant.Slug), tenant.Name,
            tenant.ConsortiumSlug, tenant.Slug, AuditActor.FromApiCaller(http));
        return TypedResults.Created((string?)null, sent);
    }
}
