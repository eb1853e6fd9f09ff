using System.Text;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Launch;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Services;

/// <summary>The launch review: the member submits it when its sandbox shows every step; the consortium approves it
/// (opening production) or returns it with comments. Every move is audited.</summary>
public sealed class LaunchReviewService(IGrainFactory grains, PortalAddress portal, AuditLog audit, LaunchReviewEmails emails)
{
    public Task<LaunchReview> GetAsync(TenantProfile tenant) => Review(tenant).GetAsync();

    /// <exception cref="LaunchReviewRefusedException">Something is not shown yet; the message lists it.</exception>
    public async Task<LaunchReview> SubmitAsync(TenantProfile tenant, AuditActor actor)
    {
        var review = await Review(tenant).SubmitAsync(actor.Name);
        await RecordAsync(tenant, actor, "launch.submitted");
        await emails.SubmittedAsync(tenant, review);
        return review;
    }

    /// <param name="override">The operator may approve a review that was never submitted.</param>
    /// <exception cref="LaunchReviewRefusedException">Not submitted, and no override.</exception>
    public async Task<LaunchReview> ApproveAsync(TenantProfile tenant, AuditActor actor, bool @override = false)
    {
        var review = await Review(tenant).ApproveAsync(actor.Name, @override);
        await RecordAsync(tenant, actor, "launch.approved");
        await emails.DecidedAsync(tenant, review);
        return review;
    }

    /// <exception cref="LaunchReviewRefusedException">Not submitted.</exception>
    public async Task<LaunchReview> ReturnAsync(TenantProfile tenant, string comments, AuditActor actor)
    {
        var review = await Review(tenant).ReturnAsync(actor.Name, comments);
        await RecordAsync(tenant, actor, "launch.returned");
        await emails.DecidedAsync(tenant, review);
        return review;
    }

    /// <summary>The review pack as a Markdown document, to send with ORCID's demo-review request.</summary>
    public async Task<string> PackAsync(TenantProfile tenant)
    {
        var review = await GetAsync(tenant);
        var pack = new StringBuilder()
            .AppendLine($"# Launch review: {tenant.Name}")
            .AppendLine()
            .AppendLine($"- Member organisation: {tenant.Name} (`{tenant.Slug}`), ROR {(tenant.RorId is null ? "not set" : RorId.OrcidForm(tenant.RorId))}")
            .AppendLine($"- Test site (sandbox): {portal.For($"/t/{tenant.Slug}?env=sandbox")}")
            .AppendLine($"- Status: {review.Status.ToString().ToLowerInvariant()}" + (review.SubmittedAt is { } at ? $", submitted {at:yyyy-MM-dd HH:mm} UTC by {review.SubmittedBy}" : ""))
            .AppendLine()
            .AppendLine("| check | done | evidence |")
            .AppendLine("| --- | --- | --- |");
        foreach (var check in review.Checklist)
        {
            pack.AppendLine($"| {check.Title} | {(check.Done ? "yes" : "no")} | {check.Evidence.Replace("|", "\\|")} |");
        }
        if (review.Comments is { } comments)
        {
            pack.AppendLine().AppendLine("## Comments from the consortium").AppendLine().AppendLine(comments);
        }
        return pack.ToString();
    }

    private Task RecordAsync(TenantProfile tenant, AuditActor actor, string action) =>
        audit.RecordAsync(actor, action, tenant.Slug, tenant.ConsortiumSlug, tenant.Slug);

    private ILaunchReviewGrain Review(TenantProfile tenant) => grains.GetGrain<ILaunchReviewGrain>(TenantKey.For(tenant.Slug));
}
