namespace Consortium.Grains.Email;

/// <summary>A queued message as its table row holds it.</summary>
/// <param name="ProtectedMessage">The whole message, encrypted with Data Protection; null once sent, when nothing needs it any more.</param>
public sealed record StoredEmail(
    string Id,
    string Outbox,
    string Reference,
    string To,
    string Subject,
    string? ProtectedMessage,
    OutboxStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset QueuedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt)
{
    public OutboxEntry ToEntry() => new(Id, Reference, To, Subject, Status, Attempts, LastError, QueuedAt, NextAttemptAt, SentAt);
}
