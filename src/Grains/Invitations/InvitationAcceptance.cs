using Consortium.Grains.Staff;

namespace Consortium.Grains.Invitations;

/// <summary>What accepting an invitation did: granted the role, or left it waiting for confirmation.</summary>
[GenerateSerializer, Immutable, Alias("InvitationAcceptance")]
public sealed record InvitationAcceptance([property: Id(0)] StaffRole Role, [property: Id(1)] bool AwaitingConfirmation);
