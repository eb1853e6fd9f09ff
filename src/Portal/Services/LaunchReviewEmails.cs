using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Launch;
using Consortium.Grains.Staff;
using Consortium.Grains.Teams;
using Consortium.Grains.Tenants;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Services;

/// <summary>Tells the other side of a launch review that it moved: the consortium's leads when a member submits it, the
/// member's admins when the consortium returns or approves it. Written to the addresses people were invited at (members
/// added without an invitation have none and get no email); sent from the member organisation's outbox, in the background.</summary>
public sealed class LaunchReviewEmails(IGrainFactory grains, PortalAddress portal)
{
    public Task SubmittedAsync(TenantProfile tenant, LaunchReview review) =>
        SendAsync(tenant, new StaffRole(StaffRoleKind.ConsortiumLead, tenant.ConsortiumSlug), review,
            $"{tenant.Name} submitted its launch review",
            $"""
            {tenant.Name} submitted its launch review ({review.SubmittedBy}): its sandbox shows every step ORCID's demo review looks for.

            Approve it, which opens production, or return it with comments, on the consortium dashboard:
            {portal.For($"/consortia/{tenant.ConsortiumSlug}")}
            """);

    public Task DecidedAsync(TenantProfile tenant, LaunchReview review) =>
        SendAsync(tenant, new StaffRole(StaffRoleKind.MemberAdmin, tenant.Slug), review,
            review.Status == LaunchReviewStatus.Approved ? $"The launch of {tenant.Name} is approved" : $"The launch review of {tenant.Name} was returned",
            (review.Status == LaunchReviewStatus.Approved
                ? $"{review.DecidedBy} approved the launch of {tenant.Name}: production is open once its production ORCID client is stored."
                : $"{review.DecidedBy} returned the launch review of {tenant.Name} with these comments:\n\n{review.Comments}\n\nSubmit it again when they are addressed.")
            + $"\n\nThe launch review: {portal.For($"/tenants/{tenant.Slug}")}\n");

    private async Task SendAsync(TenantProfile tenant, StaffRole team, LaunchReview review, string subject, string body)
    {
        var addresses = (await grains.GetGrain<ITeamGrain>(TeamKey.For(team)).ListAsync())
            .Select(member => member.Email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count == 0)
        {
            return;
        }
        // One reference per move of the review, so the outbox shows each move's messages together.
        var reference = $"launch-review/{review.Status.ToString().ToLowerInvariant()}/{(review.DecidedAt ?? review.SubmittedAt):yyyyMMddHHmmss}";
        await grains.GetTenantOutbox(tenant.Slug).EnqueueAsync([.. addresses.Select(to =>
            new OutboxItem(reference, new EmailMessage(to, subject, $"Hello,\n\n{body}")))]);
    }
}
