using Consortium.Grains.Staff;

namespace Consortium.Grains.Invitations;

[GenerateSerializer, Immutable]
public sealed record InvitationView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] StaffRole Role,
    [property: Id(3)] string InvitedBy,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] DateTimeOffset? AcceptedAt,
    [property: Id(7)] string? AcceptedBy,
    [property: Id(8)] bool AwaitingConfirmation = false);

/// <summary>A new invitation and the token for its link: shown once, in the email.</summary>
[GenerateSerializer, Immutable]
public sealed record CreatedInvitation([property: Id(0)] InvitationView View, [property: Id(1)] string Token);
