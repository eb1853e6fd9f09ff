using System.Text.Json;
using Consortium.Grains.Interfaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Grains.Email;

/// <summary>
/// Sends one outbox's messages in the background. Its rows are in <see cref="IEmailOutboxStore"/>, so the grain holds
/// nothing but a timer: a round reads a few due messages, hands them to the transport, records each outcome, and arms the
/// timer for the next due one. Between rounds other calls get in. A reminder wakes the outbox after a restart while
/// anything is pending; once nothing is, it is unregistered.
/// </summary>
public sealed class EmailOutboxGrain(
    IEmailOutboxStore store,
    IEmailTransport transport,
    IDataProtectionProvider protection,
    IOptions<EmailOutboxOptions> options,
    TimeProvider clock,
    ILogger<EmailOutboxGrain> logger) : Grain, IEmailOutboxGrain, IRemindable
{
    private const string WakeUpReminder = "outbox";

    private IGrainTimer? _timer;
    private bool _reminderRegistered;

    private string Outbox => this.GetPrimaryKeyString();

    private IDataProtector Protector => protection.CreateProtector(OutboxKey.ProtectionPurpose);

    private EmailOutboxOptions Options => options.Value;

    public async Task EnqueueAsync(IReadOnlyList<OutboxItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await store.AddAsync([.. items.Select(item => new StoredEmail(Guid.NewGuid().ToString("N"), Outbox, item.Reference, item.Message.To,
            item.Message.Subject, Protect(item.Message), OutboxStatus.Pending, Attempts: 0, LastError: null, now, NextAttemptAt: now, SentAt: null))]);
        // Stored first: from here a crash loses nothing, and the reminder finds the rows after a restart.
        await KeepAwakeAsync();
        SendIn(TimeSpan.Zero);
        logger.LogInformation("Queued {Count} message(s) in outbox {Outbox}", items.Count, Outbox);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ForReferencesAsync(IReadOnlyList<string> references) =>
        references.Count == 0 ? [] : [.. (await store.ForReferencesAsync(Outbox, references)).DistinctBy(row => row.Reference).Select(row => row.ToEntry())];

    public async Task<IReadOnlyList<OutboxEntry>> UnsentAsync(int limit = 100) =>
        [.. (await store.UnsentAsync(Outbox, Math.Clamp(limit, 1, 1000))).Select(row => row.ToEntry())];

    public async Task<bool> ResendAsync(string reference)
    {
        if (await store.RequeueAsync(Outbox, reference, clock.GetUtcNow()) == 0)
        {
            return false;
        }
        await KeepAwakeAsync();
        SendIn(TimeSpan.Zero);
        logger.LogInformation("Re-queued the failed message about {Reference} in outbox {Outbox}", reference, Outbox);
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        SendIn(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>One timer at a time, its next firing moved to the soonest need. It does not interleave: a round runs alone.</summary>
    private void SendIn(TimeSpan dueTime)
    {
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(SendRoundAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task SendRoundAsync(CancellationToken cancellationToken)
    {
        var due = await store.DueAsync(Outbox, clock.GetUtcNow(), Options.BatchSize);
        foreach (var group in due.Chunk(Math.Max(1, Options.Concurrency)))
        {
            // Recorded per small group: a crash re-sends at most the group in flight.
            await store.RecordAsync(await Task.WhenAll(group.Select(row => AttemptAsync(row, cancellationToken))));
        }
        if (due.Count == Options.BatchSize)
        {
            SendIn(TimeSpan.Zero);
            return;
        }
        if (await store.NextDueAsync(Outbox) is { } next)
        {
            var wait = next - clock.GetUtcNow();
            SendIn(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            return;
        }
        await store.PruneSentAsync(Outbox, clock.GetUtcNow() - Options.SentHistory);
        await SleepAsync();
    }

    private async Task<SendOutcome> AttemptAsync(StoredEmail row, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        try
        {
            await transport.SendAsync(Unprotect(row.ProtectedMessage!), cancellationToken);
            return new SendOutcome(row.Id, OutboxStatus.Sent, attempts, LastError: null, NextAttemptAt: null, clock.GetUtcNow());
        }
        // Whatever stopped the hand-over (network, server, a key that no longer decrypts) is kept on the row for the admin
        // and retried; nothing is hidden. Only the exception's type and message: never the body, which holds the link.
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            if (attempts >= Options.MaxAttempts)
            {
                logger.LogWarning("Message {MessageId} about {Reference} in outbox {Outbox} failed {Attempts} times and waits for a re-send: {Error}",
                    row.Id, row.Reference, Outbox, attempts, error);
                return new SendOutcome(row.Id, OutboxStatus.Failed, attempts, error, NextAttemptAt: null, SentAt: null);
            }
            var retryAt = clock.GetUtcNow() + Options.RetryDelay(attempts);
            logger.LogInformation("Message {MessageId} in outbox {Outbox} not sent (attempt {Attempts}), retrying at {RetryAt}: {Error}",
                row.Id, Outbox, attempts, retryAt, error);
            return new SendOutcome(row.Id, OutboxStatus.Pending, attempts, error, retryAt, SentAt: null);
        }
    }

    private async Task KeepAwakeAsync()
    {
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(WakeUpReminder, Options.WakeUpPeriod, Options.WakeUpPeriod);
            _reminderRegistered = true;
        }
    }

    private async Task SleepAsync()
    {
        if (await this.GetReminder(WakeUpReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminderRegistered = false;
    }

    private string Protect(EmailMessage message) => Protector.Protect(JsonSerializer.Serialize(message));

    private EmailMessage Unprotect(string protectedMessage) =>
        JsonSerializer.Deserialize<EmailMessage>(Protector.Unprotect(protectedMessage))
            ?? throw new InvalidOperationException("A stored message decrypted to nothing.");
}
