using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.Researchers;
using Consortium.Orcid;
using Consortium.Portal.Researchers;

namespace Consortium.Portal.Courses;

/// <summary>Loads a sign-up page. The learner's connection is the iD they connected through this link or, for the same platform user
/// id or email, any other sign-up of the tenant, while that consent holds.</summary>
public sealed class EnrolmentPages(IGrainFactory grains, ResearcherPages researcherPages, IssuingReader issuing)
{
    public async Task<EnrolmentPageModel?> LoadAsync(string tenant, string token)
    {
        EnrolmentView? enrolment = null;
        try
        {
            enrolment = await grains.OpenEnrolmentAsync(tenant, token);
        }
        catch (ClaimRefusedException)
        {
            // The page says the link is not valid.
        }
        var environment = enrolment?.Environment ?? OrcidEnvironment.Sandbox;
        if (await researcherPages.LoadAsync(tenant, environment, orcid: null, invite: null) is not { } page)
        {
            return null;
        }
        var orcid = enrolment is null ? null : await ConnectedAsync(tenant, enrolment);
        var written = orcid is null ? [] : (await issuing.ListAsync(tenant, environment, new IssuanceQuery { Orcid = orcid, Take = IssuanceQuery.MaxTake })).Items;
        return new EnrolmentPageModel(page, enrolment, orcid, written);
    }

    private async Task<string?> ConnectedAsync(string tenant, EnrolmentView enrolment)
    {
        var candidates = new List<string?> { enrolment.ConnectedOrcid };
        foreach (var key in LearnerKey.For(tenant, enrolment.Environment, enrolment.Learner))
        {
            candidates.Add(await grains.GetGrain<ILearnerLinkGrain>(key).GetOrcidAsync());
        }
        foreach (var orcid in candidates.OfType<string>().Distinct())
        {
            if (await grains.GetGrain<IResearcherGrain>(ResearcherKey.For(tenant, enrolment.Environment, orcid)).GetAsync() is { IsConnected: true })
            {
                return orcid;
            }
        }
        return null;
    }
}
