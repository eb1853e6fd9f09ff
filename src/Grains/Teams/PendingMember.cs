namespace Consortium.Grains.Teams;

/// <summary>Someone who accepted an invitation without a verified email matching the invited address: not yet in the team.</summary>
/// <param name="SignedInEmail">The verified email of their sign-in, when it gave one.</param>
[GenerateSerializer, Immutable, Alias("PendingMember")]
public sealed record PendingMember(
    [property: Id(0)] string Orcid,
    [property: Id(1)] string InvitedEmail,
    [property: Id(2)] string? SignedInEmail,
    [property: Id(3)] DateTimeOffset AcceptedAt,
    [property: Id(4)] string? Name = null,
    [property: Id(5)] string? InvitationId = null);
