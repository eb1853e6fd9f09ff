using Consortium.Grains.Common;
using Consortium.Grains.Courses;
using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.Portal.Audit;

namespace Consortium.Portal.Courses;

/// <summary>Applies a course completion: a learner who connected at sign-up gets the qualification written with the consent they
/// gave then; anyone else gets a claim link (emailed when the platform gave an address). The external id is the same for the
/// same course and learner, so a completion sent again writes nothing twice.</summary>
public sealed class CompletionService(IGrainFactory grains, ClaimService claims)
{
    public static readonly AuditActor Platform = new("course platform (signed webhook)", RemoteAddress: null);

    /// <exception cref="InvalidFieldException">No template is mapped to the course, or the completion is malformed.</exception>
    /// <exception cref="IssuingClosedException">The environment is not open for this tenant.</exception>
    public async Task<CompletionOutcome> ApplyAsync(TenantProfile tenant, OrcidEnvironment environment, Completion completion)
    {
        var templateId = completion.TemplateId
            ?? (await Hooks(tenant).GetSettingsAsync()).Templates.GetValueOrDefault(completion.Course.Id)
            ?? throw new InvalidFieldException("course.id",
                $"No template is mapped to the course '{completion.Course.Id}'. Map it under the organisation's settings → Course platforms.");
        var claim = new NewClaim(templateId, completion.ExternalIdOrDefault, completion.Learner, completion.Course, completion.CompletedAt).Validated();
        // Every completion is a claim, so the course's figures count it; one for a learner who connected at sign-up is theirs at once.
        var made = (await claims.CreateAsync(tenant, environment, [claim], Platform))[0];
        if (await ConnectedLearnerAsync(tenant, environment, claim.Learner) is { } orcid && (made.Claim.ClaimedBy ?? orcid) == orcid)
        {
            var claimed = await grains.GetGrain<IClaimGrain>(ClaimKey.For(tenant.Slug, made.Claim.Id)).ClaimWithConsentAsync(orcid);
            return new CompletionOutcome("written", IssuanceId: claimed.Id);
        }
        if (made.Created && claim.Learner.Email is { } email)
        {
            await grains.GetTenantOutbox(tenant.Slug).EnqueueAsync([new OutboxItem(made.Claim.Id, ClaimEmail(tenant, email, claim, made.ClaimUrl))]);
        }
        return new CompletionOutcome("claim", ClaimId: made.Claim.Id, ClaimUrl: made.ClaimUrl);
    }

    /// <summary>The iD the learner connected at sign-up (by platform user id, then email), while that consent holds.</summary>
    private async Task<string?> ConnectedLearnerAsync(TenantProfile tenant, OrcidEnvironment environment, Learner learner)
    {
        foreach (var key in LearnerKey.For(tenant.Slug, environment, learner))
        {
            if (await grains.GetGrain<ILearnerLinkGrain>(key).GetOrcidAsync() is { } orcid
                && await grains.GetGrain<IResearcherGrain>(ResearcherKey.For(tenant.Slug, environment, orcid)).GetAsync() is { IsConnected: true })
            {
                return orcid;
            }
        }
        return null;
    }

    private static EmailMessage ClaimEmail(TenantProfile tenant, string email, NewClaim claim, Uri link) =>
        new(email, $"Claim your qualification from {tenant.Name}", $"""
            Hello{(claim.Learner.Name is { } name ? " " + name : "")},

            You completed {claim.Course.Name ?? claim.Course.Id}. {tenant.Name} can add the qualification to your ORCID record.
            Open this link and sign in with ORCID to claim it (you can deny, and disconnect at any time):
            {link.AbsoluteUri}

            If you did not expect this email, ignore it.
            """);

    private ICourseHooksGrain Hooks(TenantProfile tenant) => grains.GetGrain<ICourseHooksGrain>(CourseHooksGrain.KeyFor(tenant.Slug));
}
