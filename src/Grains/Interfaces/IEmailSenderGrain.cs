using Orleans.Concurrency;
using Consortium.Grains.Email;

namespace Consortium.Grains.Interfaces;

/// <summary>
/// Hands an outbox's due messages to the mail server and records each outcome, then tells the outbox it is done: the
/// outbox is told, never awaited, so it keeps answering (a CSV's next chunk, an admin's list) while mail goes out.
/// A stateless worker: any silo, as many as there are rounds in flight.
/// </summary>
[Alias("IEmailSenderGrain")]
public interface IEmailSenderGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("Send")]
    Task SendAsync(string outbox, IReadOnlyList<StoredEmail> due);
}
