namespace Consortium.Grains.Email;

/// <summary>What one attempt came to, for the table: sent, due again at <see cref="NextAttemptAt"/>, or failed for good.</summary>
public sealed record SendOutcome(string Id, OutboxStatus Status, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt);
