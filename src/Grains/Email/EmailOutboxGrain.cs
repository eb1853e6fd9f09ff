using Consortium.Grains.Interfaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Grains.Email;

/// <summary>
/// Schedules one outbox's sending. Its messages are rows in <see cref="IEmailOutboxStore"/>, so the grain holds nothing but a
/// timer and whether a round is out: a round reads a few due messages and tells a sender (<see cref="IEmailSenderGrain"/>)
/// to send them; when the sender reports back, the next round starts, or the timer waits for the next due message. The
/// outbox never waits on the mail server, so queuing answers at once. A reminder wakes it after a restart while anything
/// is pending; once nothing is, it is unregistered.
/// </summary>
public sealed class EmailOutboxGrain(
    IEmailOutboxStore store,
    IDataProtectionProvider protection,
    IOptions<EmailOutboxOptions> options,
    TimeProvider clock,
    ILogger<EmailOutboxGrain> logger) : Grain, IEmailOutboxGrain, IRemindable
{
    private const string WakeUpReminder = "outbox";

    private IGrainTimer? _timer;
    private bool _reminderRegistered;
    private DateTimeOffset? _roundSentAt;

    private string Outbox => this.GetPrimaryKeyString();

    private EmailOutboxOptions Options => options.Value;

    public async Task EnqueueAsync(IReadOnlyList<OutboxItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await store.AddAsync([.. items.Select(item => new StoredEmail(Guid.NewGuid().ToString("N"), Outbox, item.Reference, item.Message.To,
            item.Message.Subject, protection.ProtectMessage(item.Message), OutboxStatus.Pending, Attempts: 0, LastError: null, now, NextAttemptAt: now, SentAt: null))]);
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

    public Task RoundFinishedAsync()
    {
        _roundSentAt = null;
        SendIn(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => WakeAsync();

    public Task WakeAsync()
    {
        SendIn(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>One timer at a time, its next firing moved to the soonest need. It does not interleave: a round runs alone.</summary>
    private void SendIn(TimeSpan dueTime)
    {
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(RoundAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        // One round out at a time; its end starts the next. A sender that never reports (its silo died) is given up on.
        if (_roundSentAt is { } sentAt && clock.GetUtcNow() - sentAt < Options.RoundTimeout)
        {
            return;
        }
        var due = await store.DueAsync(Outbox, clock.GetUtcNow(), Options.BatchSize);
        if (due.Count > 0)
        {
            _roundSentAt = clock.GetUtcNow();
            await GrainFactory.GetGrain<IEmailSenderGrain>(0).SendAsync(Outbox, due);
            return;
        }
        _roundSentAt = null;
        if (await store.NextDueAsync(Outbox) is { } next)
        {
            var wait = next - clock.GetUtcNow();
            SendIn(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            return;
        }
        await store.PruneSentAsync(Outbox, clock.GetUtcNow() - Options.SentHistory);
        await SleepAsync();
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
}
