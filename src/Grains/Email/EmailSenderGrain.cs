using Consortium.Grains.Interfaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Consortium.Grains.Email;

[StatelessWorker]
public sealed class EmailSenderGrain(
    IEmailOutboxStore store,
    IEmailTransport transport,
    IDataProtectionProvider protection,
    IOptions<EmailOutboxOptions> options,
    TimeProvider clock,
    ILogger<EmailSenderGrain> logger) : Grain, IEmailSenderGrain
{
    private EmailOutboxOptions Options => options.Value;

    public async Task SendAsync(string outbox, IReadOnlyList<StoredEmail> due)
    {
        try
        {
            foreach (var group in due.Chunk(Math.Max(1, Options.Concurrency)))
            {
                // Recorded per small group: a crash re-sends at most the group in flight.
                await store.RecordAsync(await Task.WhenAll(group.Select(row => AttemptAsync(outbox, row))));
            }
        }
        finally
        {
            // Even when recording failed: the outbox then reads the rows as they are and tries again.
            await GrainFactory.GetEmailOutbox(outbox).RoundFinishedAsync();
        }
    }

    private async Task<SendOutcome> AttemptAsync(string outbox, StoredEmail row)
    {
        var attempts = row.Attempts + 1;
        try
        {
            await transport.SendAsync(protection.UnprotectMessage(row.ProtectedMessage!));
            return new SendOutcome(row.Id, OutboxStatus.Sent, attempts, LastError: null, NextAttemptAt: null, clock.GetUtcNow());
        }
        // Whatever stopped the hand-over (network, server, a key that no longer decrypts) is kept on the row for the admin
        // and retried; nothing is hidden. Only the exception's type and message: never the body, which holds the link.
        catch (Exception exception)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            if (attempts >= Options.MaxAttempts)
            {
                logger.LogWarning("Message {MessageId} about {Reference} in outbox {Outbox} failed {Attempts} times and waits for a re-send: {Error}",
                    row.Id, row.Reference, outbox, attempts, error);
                return new SendOutcome(row.Id, OutboxStatus.Failed, attempts, error, NextAttemptAt: null, SentAt: null);
            }
            var retryAt = clock.GetUtcNow() + Options.RetryDelay(attempts);
            logger.LogInformation("Message {MessageId} in outbox {Outbox} not sent (attempt {Attempts}), retrying at {RetryAt}: {Error}",
                row.Id, outbox, attempts, retryAt, error);
            return new SendOutcome(row.Id, OutboxStatus.Pending, attempts, error, retryAt, SentAt: null);
        }
    }
}
