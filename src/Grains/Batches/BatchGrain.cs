using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Grains.Batches;

/// <summary>
/// An applied CSV upload. Accepting it is one write of every row, so the upload answers at once however many rows it has; a
/// timer then submits the rows to the tenant's queue a chunk at a time, storing after each chunk how far it got. A reminder
/// wakes the batch after a restart while rows remain; a chunk cut short by a crash is submitted again, which writes nothing
/// twice (each issuance is idempotent by its external id).
/// </summary>
public sealed class BatchGrain(
    [PersistentState("batch", GrainStorage.Name)] IPersistentState<BatchState> state,
    IOptions<IssuingOptions> options,
    TimeProvider clock,
    ILogger<BatchGrain> logger) : Grain, IBatchGrain, IRemindable
{
    private const string CreateReminder = "create";

    /// <summary>Rows per submit: large enough to be quick, small enough that the progress moves often.</summary>
    private const int Chunk = 200;

    private IGrainTimer? timer;
    private int failedAttempts;
    private DateTimeOffset retryAt;

    private ITenantIssuingGrain Queue => GrainFactory.GetGrain<ITenantIssuingGrain>(
        IssuingKey.For(BatchKey.TenantOf(this.GetPrimaryKeyString()), state.State.Record!.Environment));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Remaining.Count > 0)
        {
            StartCreating();
        }
        return Task.CompletedTask;
    }

    public async Task AcceptAsync(BatchRecord record, IReadOnlyList<NewIssuance> rows, string portalUrl)
    {
        if (state.State.Record is not null)
        {
            // Accepted before: a client that sent it again after a lost answer.
            return;
        }
        // The reminder first: a batch stored without one would wait for the next call after a crash.
        if (rows.Count > 0)
        {
            await this.RegisterOrUpdateReminder(CreateReminder, options.Value.WakeUpPeriod, options.Value.WakeUpPeriod);
        }
        state.State = new BatchState { Record = record with { Created = 0 }, Remaining = rows, PortalUrl = portalUrl };
        await state.WriteStateAsync();
        if (rows.Count > 0)
        {
            StartCreating();
        }
    }

    public Task<BatchRecord?> GetAsync() => Task.FromResult(state.State.Record);

    // Activation alone resumes the creation (OnActivateAsync); an active batch waiting out a failed submit tries again now.
    public Task WakeAsync()
    {
        retryAt = default;
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Remaining.Count == 0)
        {
            await ForgetReminderAsync();
        }
    }

    /// <summary>Each tick submits one chunk; ticks never overlap, and other calls run between them.</summary>
    private void StartCreating() =>
        timer ??= this.RegisterGrainTimer(CreateNextChunkAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(10)) { KeepAlive = true });

    private async Task CreateNextChunkAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() < retryAt)
        {
            return;
        }
        var remaining = state.State.Remaining;
        var chunk = remaining.Take(Chunk).ToList();
        try
        {
            await Queue.SubmitAsync(chunk, state.State.PortalUrl);
        }
        catch (Exception refused) when (refused is IssuingClosedException or InvalidFieldException or NotFoundException)
        {
            // Submitting again would be refused again: the rest of the batch is not created, and says why.
            await FinishAsync(refused.Message);
            return;
        }
        catch (Exception exception)
        {
            failedAttempts++;
            retryAt = clock.GetUtcNow() + options.Value.RetryDelay(failedAttempts);
            logger.LogWarning(exception, "Batch {Batch} could not submit {Count} row(s) (attempt {Attempt}); trying again at {RetryAt}.",
                this.GetPrimaryKeyString(), chunk.Count, failedAttempts, retryAt);
            return;
        }
        failedAttempts = 0;
        var record = state.State.Record!;
        state.State = state.State with
        {
            Record = record with { Created = record.CreatedRows + chunk.Count },
            Remaining = [.. remaining.Skip(chunk.Count)],
        };
        if (state.State.Remaining.Count == 0)
        {
            await FinishAsync(stopped: null);
            return;
        }
        await state.WriteStateAsync();
    }

    private async Task FinishAsync(string? stopped)
    {
        state.State = state.State with { Record = state.State.Record! with { Stopped = stopped }, Remaining = [] };
        await state.WriteStateAsync();
        timer?.Dispose();
        timer = null;
        await ForgetReminderAsync();
        if (stopped is not null)
        {
            logger.LogWarning("Batch {Batch} stopped before creating all its rows: {Reason}", this.GetPrimaryKeyString(), stopped);
        }
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(CreateReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
