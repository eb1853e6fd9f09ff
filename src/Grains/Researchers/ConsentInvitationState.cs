namespace Consortium.Grains.Researchers;

[GenerateSerializer, Alias("ConsentInvitationState")]
public sealed record ConsentInvitationState
{
    [Id(0)] public ConsentInvitation? Invitation { get; init; }

    [Id(1)] public byte[] SecretHash { get; init; } = [];
}
