namespace Consortium.Grains.Badges;

/// <summary>Why a badge was accepted or not: the one reason a verifier names first, read as kebab-case in the API
/// (<c>bad-signature</c>). The Portal turns it into words.</summary>
public enum BadgeReason
{
    Valid,
    /// <summary>Not an OB 3.0 credential: not a JWT, PNG or JSON credential, or a required field is missing or of the wrong type.</summary>
    Malformed,
    /// <summary>The issuer's keys could not be found where the credential says they are, or not under the issuer's own address.</summary>
    UnknownIssuer,
    BadSignature,
    Revoked,
    Expired,
    NotYetValid,
    /// <summary>The credential names another person than the one signed in.</summary>
    SubjectMismatch,
    /// <summary>An embedded proof this verifier cannot check: only VC-JWT and Data Integrity eddsa-rdfc-2022 proofs are verified.</summary>
    UnsupportedProof,
    /// <summary>The status list could not be read: the badge may be revoked, so it is not accepted (decision unknown).</summary>
    StatusUnavailable,
}
