using Consortium.Grains.Courses;

namespace Consortium.Portal.Courses;

/// <summary>What a claim page says for each reason a link cannot be used.</summary>
public static class ClaimWords
{
    public static string Refusal(ClaimRefusal refusal, string organisation, ClaimView? claim) => refusal switch
    {
        ClaimRefusal.Expired => $"This claim link expired on {claim?.ExpiresAt:yyyy-MM-dd}, so nothing can be written with it. Ask {organisation} for a new one.",
        ClaimRefusal.UsedByAnother => $"This qualification has already been claimed by another ORCID iD, so it cannot be claimed again. If it is yours, contact {organisation}.",
        _ => $"This claim link is not valid. Check that you copied all of it, or ask {organisation} for a new one.",
    };
}
