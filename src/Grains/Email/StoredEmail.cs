namespace Consortium.Grains.Email;

/// <summary>A queued message as its table row holds it.</summary>
/// <param name="ProtectedMessage">The whole message, encrypted with Data Protection; null once sent, when nothing needs it any more.</param>
[GenerateSerializer, Immutable, Alias("StoredEmail")]
public sealed record StoredEmail(
    [property: Id(0)] string Id,
    [property: Id(1)] string Outbox,
    [property: Id(2)] string Reference,
    [property: Id(3)] string To,
    [property: Id(4)] string Subject,
    [property: Id(5)] string? ProtectedMessage,
    [property: Id(6)] OutboxStatus Status,
    [property: Id(7)] int Attempts,
    [property: Id(8)] string? LastError,
    [property: Id(9)] DateTimeOffset QueuedAt,
    [property: Id(10)] DateTimeOffset? NextAttemptAt,
    [property: Id(11)] DateTimeOffset? SentAt)
{
    public OutboxEntry ToEntry() => new(Id, Reference, To, Subject, Status, Attempts, LastError, QueuedAt, NextAttemptAt, SentAt);
}
