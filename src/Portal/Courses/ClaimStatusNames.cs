using Consortium.Grains.Courses;
using Consortium.Portal.Issuing;

namespace Consortium.Portal.Courses;

/// <summary>A claim's status as the API and the Issuing tab say it: <c>awaiting-claim</c> (or <c>expired</c>, when nobody claimed
/// it in time), then the status of the issuance it became (<c>queued</c>, <c>in-orcid</c>, …).</summary>
public static class ClaimStatusNames
{
    public const string AwaitingClaim = "awaiting-claim";
    public const string Expired = "expired";

    public static string Of(ClaimListItem item, DateTimeOffset now) =>
        item.Issuance is { } status ? KebabNames.Of(status)
        : item.Claim.ExpiredAt(now) ? Expired
        : AwaitingClaim;
}
