namespace Consortium.Grains.Invitations;

/// <summary>The person following an invitation link, as their sign-in names them.</summary>
/// <param name="StaffId">Who they are to the portal: the role is bound to it.</param>
/// <param name="VerifiedEmail">The email address their sign-in vouches for (an OpenID Connect <c>email</c> claim with
/// <c>email_verified</c>); null when it vouches for none, as ORCID's never does.</param>
/// <param name="EmailMustMatch">When true and <paramref name="VerifiedEmail"/> is not the invited address, the role waits
/// for someone who manages the team to confirm the acceptance.</param>
/// <param name="Name">Their name as their sign-in gives it, for the team's list.</param>
[GenerateSerializer, Immutable, Alias("InvitationAcceptor")]
public sealed record InvitationAcceptor(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string? VerifiedEmail = null,
    [property: Id(2)] bool EmailMustMatch = false,
    [property: Id(3)] string? Name = null);
