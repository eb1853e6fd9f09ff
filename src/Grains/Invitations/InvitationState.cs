namespace Consortium.Grains.Invitations;

[GenerateSerializer, Alias("InvitationState")]
public sealed record InvitationState
{
    [Id(0)] public InvitationView? View { get; init; }

    /// <summary>SHA-256 of the link's secret; the secret itself is only in the email.</summary>
    [Id(1)] public byte[] SecretHash { get; init; } = [];

    [Id(2)] public DateTimeOffset? CancelledAt { get; init; }
}
