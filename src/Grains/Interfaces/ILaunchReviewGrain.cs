using Consortium.Grains.Launch;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Interfaces;

/// <summary>A member organisation's launch review: the checklist ORCID's demo review asks for, built from its sandbox
/// activity, submitted by the member and approved or returned by the consortium. Key: <see cref="TenantKey.For"/>.</summary>
[Alias("ILaunchReviewGrain")]
public interface ILaunchReviewGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<LaunchReview> GetAsync();

    /// <exception cref="LaunchReviewRefusedException">An item of the checklist is not done yet, or it is approved already.</exception>
    [Alias("Submit")]
    Task<LaunchReview> SubmitAsync(string by);

    /// <summary>Opens production. <paramref name="evenIfNotSubmitted"/> is the operator's override.</summary>
    /// <exception cref="LaunchReviewRefusedException">Not submitted.</exception>
    [Alias("Approve")]
    Task<LaunchReview> ApproveAsync(string by, bool evenIfNotSubmitted);

    /// <exception cref="LaunchReviewRefusedException">Not submitted.</exception>
    [Alias("Return")]
    Task<LaunchReview> ReturnAsync(string by, string comments);
}
