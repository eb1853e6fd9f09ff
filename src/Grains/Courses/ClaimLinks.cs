using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;

namespace Consortium.Grains.Courses;

/// <summary>From a course link's token to its claim or enrolment.</summary>
public static class ClaimLinks
{
    /// <returns>The claim the token's handle names, with the token's secret for it to check; null when the handle names none.</returns>
    public static async Task<(IClaimGrain Claim, string Secret)?> ResolveAsync(this IGrainFactory grains, string tenant, string? token)
    {
        if (!InvitationToken.TryParse(token, out var parsed)
            || await grains.GetGrain<IClaimLinkGrain>(ClaimKey.Link(tenant, parsed.Id)).GetClaimIdAsync() is not { } claimId)
        {
            return null;
        }
        return (grains.GetGrain<IClaimGrain>(ClaimKey.For(tenant, claimId)), parsed.Secret);
    }

    /// <summary>The claim behind a link, for its page.</summary>
    /// <exception cref="ClaimRefusedException">No claim has this link.</exception>
    public static async Task<ClaimView> OpenClaimAsync(this IGrainFactory grains, string tenant, string? token) =>
        await grains.ResolveAsync(tenant, token) is var (claim, secret)
            ? await claim.OpenAsync(secret)
            : throw new ClaimRefusedException(ClaimRefusal.NotValid);

    /// <summary>The enrolment behind a connect link (<c>{id}.{secret}</c>).</summary>
    /// <exception cref="ClaimRefusedException">No enrolment has this link.</exception>
    public static async Task<EnrolmentView> OpenEnrolmentAsync(this IGrainFactory grains, string tenant, string? token) =>
        InvitationToken.TryParse(token, out var parsed)
            ? await grains.GetGrain<IEnrolmentGrain>(EnrolmentKey.For(tenant, parsed.Id)).OpenAsync(parsed.Secret)
            : throw new ClaimRefusedException(ClaimRefusal.NotValid);
}
