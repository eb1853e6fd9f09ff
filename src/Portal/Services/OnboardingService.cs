using Consortium.Grains.Launch;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Services;

/// <summary>A member organisation's first steps for its overview. The sandbox client and the first write are the launch review's
/// own evidence, so the checklist and the review never disagree.</summary>
public sealed class OnboardingService(IssuingService issuing, LaunchReviewService launch)
{
    public async Task<OnboardingProgress> GetAsync(TenantProfile tenant)
    {
        var templates = issuing.ListTemplatesAsync(tenant);
        var review = launch.GetAsync(tenant);
        await Task.WhenAll(templates, review);
        var checklist = (await review).Checklist;
        bool Checked(string key) => checklist.Any(check => check.Key == key && check.Done);
        return new OnboardingProgress(
            OrganisationDetails: tenant.MissingOrganisationDetails is null,
            SandboxClient: Checked("SandboxClient"),
            Template: (await templates).Count > 0,
            TestIssuance: Checked(nameof(LaunchStep.Written)),
            LaunchReview: (await review).Status);
    }
}
