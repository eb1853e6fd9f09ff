namespace Consortium.Grains.Email;

/// <summary>Where a queued message is. Stored as its number: append, never renumber.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 0,

    /// <summary>Accepted by the mail server (or the local mailbox).</summary>
    Sent = 1,

    /// <summary>Every attempt failed; it waits for an admin's re-send.</summary>
    Failed = 2,
}
