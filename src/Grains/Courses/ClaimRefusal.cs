namespace Consortium.Grains.Courses;

/// <summary>Why a claim link cannot be used; the Portal says it in words.</summary>
public enum ClaimRefusal
{
    /// <summary>No claim has this link (a mistyped or made-up link).</summary>
    NotValid,
    /// <summary>Nobody claimed it before it expired.</summary>
    Expired,
    /// <summary>Another ORCID iD claimed it first.</summary>
    UsedByAnother,
}
