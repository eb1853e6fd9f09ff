namespace Consortium.Grains.Email;

/// <summary>One email as the outbox keeps and sends it; the sender's address comes from the silo's Email options.</summary>
/// <param name="TextBody">Plain text; it may carry an invitation link with a secret, so it is kept encrypted and never logged.</param>
[GenerateSerializer, Immutable, Alias("EmailMessage")]
public sealed record EmailMessage([property: Id(0)] string To, [property: Id(1)] string Subject, [property: Id(2)] string TextBody);
