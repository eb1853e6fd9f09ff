using Orleans.Concurrency;
using Consortium.Grains.Email;

namespace Consortium.Grains.Interfaces;

/// <summary>
/// A durable outbox (key: <see cref="OutboxKey"/>): messages are stored encrypted before the call returns, then sent in the
/// background with retries and exponential backoff; a reminder picks them up again after a restart.
/// </summary>
[Alias("IEmailOutboxGrain")]
public interface IEmailOutboxGrain : IResumableGrain
{
    /// <summary>Queues every message in one write and returns at once; sending starts in the background.</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(IReadOnlyList<OutboxItem> items);

    /// <summary>The newest message about each reference that has one.</summary>
    [Alias("ForReferences")]
    Task<IReadOnlyList<OutboxEntry>> ForReferencesAsync(IReadOnlyList<string> references);

    /// <summary>Messages not sent yet, pending or failed, newest first.</summary>
    [Alias("Unsent")]
    Task<IReadOnlyList<OutboxEntry>> UnsentAsync(int limit = 100);

    /// <summary>Sends the failed message about <paramref name="reference"/> again: the same message, with the same link.</summary>
    /// <returns>False when no failed message is about it.</returns>
    [Alias("Resend")]
    Task<bool> ResendAsync(string reference);

    /// <summary>Told by the sender when a round's outcomes are recorded, so the next round can start.</summary>
    [OneWay, Alias("RoundFinished")]
    Task RoundFinishedAsync();
}
