namespace Consortium.Portal.Researchers;

/// <summary>What went wrong on the way to or back from ORCID, as a code in the researcher page's address and the words shown for it.
/// Codes rather than text: nobody can make the page say something else by editing a link.</summary>
public static class ResearcherProblem
{
    public const string Expired = "expired";
    public const string Refused = "refused";
    public const string Unreachable = "unreachable";
    public const string Closed = "closed";
    public const string NoClient = "no-client";
    public const string OrcidError = "orcid-error";
    public const string InvitationUsed = "invitation-used";
    public const string ClaimUsed = "claim-used";
    public const string ClaimExpired = "claim-expired";
    public const string ClaimInvalid = "claim-invalid";

    public static string? ForClaim(Grains.Courses.ClaimRefusal? refusal) => refusal switch
    {
        Grains.Courses.ClaimRefusal.UsedByAnother => ClaimUsed,
        Grains.Courses.ClaimRefusal.Expired => ClaimExpired,
        Grains.Courses.ClaimRefusal.NotValid => ClaimInvalid,
        _ => null,
    };

    public static string? Describe(string? code) => code switch
    {
        Expired => "This sign-in has expired or was already used, or it was started in another browser. Please connect again.",
        Refused => "ORCID did not accept this sign-in. Please connect again.",
        Unreachable => "ORCID could not be reached just now. Nothing was changed; please try again in a moment.",
        Closed => "This organisation is not connecting ORCID records in this environment yet.",
        NoClient => "This organisation has not finished setting up its ORCID connection. Please contact the organisation.",
        OrcidError => "ORCID reported a problem with the sign-in. Please try again.",
        InvitationUsed => "You are connected, but your invitation link could not be used (expired, or used by another iD). Ask the organisation for a new one.",
        ClaimUsed => "You are connected, but this qualification was claimed by another ORCID iD first, so nothing was written to your record.",
        ClaimExpired => "You are connected, but this claim link had expired, so nothing was written to your record.",
        ClaimInvalid => "You are connected, but this claim link is not valid, so nothing was written to your record.",
        _ => null,
    };
}
