using Consortium.Grains.Courses;

namespace Consortium.Grains.Interfaces;

/// <summary>A qualification waiting to be claimed through a link, bound to the first ORCID iD that claims it.
/// Key: <see cref="ClaimKey.For"/>.</summary>
[Alias("IClaimGrain")]
public interface IClaimGrain : IGrainWithStringKey
{
    /// <summary>Creates the claim and its link; the same external id again answers the existing claim and link.</summary>
    /// <param name="portalUrl">Where certificate pages are served, for the issuance it becomes.</param>
    [Alias("Create")]
    Task<ClaimCreated> CreateAsync(NewClaim claim, string portalUrl);

    [Alias("Get")]
    Task<ClaimView?> GetAsync();

    /// <summary>The claim behind a link, for its page: refused only when the secret is wrong (an expired or already claimed
    /// claim is shown, and the page says so).</summary>
    /// <exception cref="ClaimRefusedException">The secret does not match.</exception>
    [Alias("Open")]
    Task<ClaimView> OpenAsync(string secret);

    /// <summary>A researcher who connected through the link claims it: it is bound to them (if nobody claimed it first) and
    /// its qualification submitted for writing, through the tenant's issuing queue. Safe to repeat.</summary>
    /// <exception cref="ClaimRefusedException">Wrong secret, expired, or claimed by another iD.</exception>
    [Alias("Claim")]
    Task<ClaimView> ClaimAsync(string secret, string orcid);

    /// <summary>A learner who connected at sign-up completed the course: the claim is theirs without a link, and written with the
    /// consent they gave then, however old the claim's link. Like <see cref="ClaimAsync"/> otherwise.</summary>
    /// <exception cref="ClaimRefusedException">Claimed by another iD.</exception>
    [Alias("ClaimWithConsent")]
    Task<ClaimView> ClaimWithConsentAsync(string orcid);

    /// <summary>Writes its row in the claims projection again (a rebuild).</summary>
    [Alias("Project")]
    Task ProjectAsync();
}
