namespace Consortium.Grains.Email;

/// <summary>A message to queue, with what it is about.</summary>
/// <param name="Reference">What the message belongs to (an issuance id, a staff invitation id): an admin finds and re-sends it by this.</param>
[GenerateSerializer, Immutable, Alias("OutboxItem")]
public sealed record OutboxItem([property: Id(0)] string Reference, [property: Id(1)] EmailMessage Message);
