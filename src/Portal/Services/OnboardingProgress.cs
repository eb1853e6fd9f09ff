using Consortium.Grains.Launch;

namespace Consortium.Portal.Services;

/// <summary>How far a member organisation has come with its first steps, each read from what is really there.</summary>
/// <param name="OrganisationDetails">Its ROR id is set, so qualifications can name it.</param>
/// <param name="SandboxClient">A sandbox ORCID client is stored, validated with ORCID.</param>
/// <param name="Template">At least one qualification template exists.</param>
/// <param name="TestIssuance">A qualification has been written to a record in sandbox.</param>
/// <param name="LaunchReview">Where its launch review stands.</param>
public sealed record OnboardingProgress(bool OrganisationDetails, bool SandboxClient, bool Template, bool TestIssuance, LaunchReviewStatus LaunchReview)
{
    public bool LaunchReviewSubmitted => LaunchReview is LaunchReviewStatus.Submitted or LaunchReviewStatus.Approved;

    public int Done => new[] { OrganisationDetails, SandboxClient, Template, TestIssuance, LaunchReviewSubmitted }.Count(done => done);

    public const int Steps = 5;

    public bool IsComplete => Done == Steps;
}
