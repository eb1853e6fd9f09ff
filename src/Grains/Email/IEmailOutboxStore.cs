namespace Consortium.Grains.Email;

/// <summary>
/// The outbox table (<c>consortium_email_outbox</c>) in the installation's database: a table, not grain state, so a
/// 10,000-row batch is 10,000 rows and each attempt rewrites one row, not the whole queue. Implemented by the silo.
/// </summary>
public interface IEmailOutboxStore
{
    /// <summary>Stores every message in one transaction: when this returns, they are queued.</summary>
    Task AddAsync(IReadOnlyList<StoredEmail> messages);

    /// <summary>Pending messages of <paramref name="outbox"/> due by <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredEmail>> DueAsync(string outbox, DateTimeOffset now, int limit);

    /// <summary>When the next pending message is due, or null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAsync(string outbox);

    /// <summary>Records attempts' outcomes in one transaction; a sent message's body is dropped.</summary>
    Task RecordAsync(IReadOnlyList<SendOutcome> outcomes);

    /// <summary>The newest messages of <paramref name="outbox"/> about <paramref name="references"/> (every one, newest first).</summary>
    Task<IReadOnlyList<StoredEmail>> ForReferencesAsync(string outbox, IReadOnlyList<string> references);

    /// <summary>Pending and failed messages, newest first.</summary>
    Task<IReadOnlyList<StoredEmail>> UnsentAsync(string outbox, int limit);

    /// <summary>Makes the failed messages about <paramref name="reference"/> pending again, due now, with a fresh count of attempts.</summary>
    /// <returns>How many were re-queued.</returns>
    Task<int> RequeueAsync(string outbox, string reference, DateTimeOffset now);

    /// <summary>Forgets sent messages older than <paramref name="before"/>: the table stays bounded by what is unsent.</summary>
    Task PruneSentAsync(string outbox, DateTimeOffset before);
}
