namespace Consortium.Portal.Invitations;

/// <summary>The <c>Invitations</c> configuration section.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Invitations";

    /// <summary>
    /// When on, a staff invitation grants its role at once only to a person whose sign-in vouches for the invited address
    /// (a verified OpenID Connect email); anyone else waits until someone who manages the team confirms them. ORCID's
    /// sign-in never gives an email, so with ORCID every acceptance waits. Default: on, except in Development.
    /// </summary>
    public bool? RequireMatchingEmail { get; set; }
}
