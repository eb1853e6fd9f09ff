namespace Consortium.Grains.Invitations;

/// <summary>The invitation link cannot be used: unknown, expired, or used already. Nothing was granted.</summary>
[GenerateSerializer, Alias("InvitationRefusedException")]
public sealed class InvitationRefusedException(string message) : Exception(message);
