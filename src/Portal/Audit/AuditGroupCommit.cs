using System.Threading.Channels;
using Consortium.Silo.Storage;

namespace Consortium.Portal.Audit;

/// <summary>
/// Group commit of audit rows: rows recorded while a transaction is being written wait, and the next transaction writes them
/// all (at most <see cref="MaxBatch"/>). Each caller's task completes only when the transaction holding its row has committed,
/// and fails if it failed, so nothing is answered before its audit row is durable; but a burst of decisions costs one commit
/// (one fsync) per batch instead of one per decision.
/// </summary>
public sealed class AuditGroupCommit(ConsortiumDatabase database)
{
    public const int MaxBatch = 500;

    public sealed record Row(DateTimeOffset At, string? Consortium, string? Tenant, string Actor, string Action, string Target, string? RemoteAddress);

    private sealed record Pending(Row Row, TaskCompletionSource Committed);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    // 1 while a writer drains the queue: one writer at a time, started by whichever caller finds none.
    private int _writing;

    public Task AppendAsync(Row row)
    {
        var pending = new Pending(row, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteAsync);
        }
        return pending.Committed.Task;
    }

    private async Task WriteAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // A row queued after the last read but before the flag was cleared found a writer busy: take it over.
                if (_queue.Reader.TryPeek(out _) && Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
                {
                    continue;
                }
                return;
            }
            try
            {
                await CommitAsync(batch);
                batch.ForEach(pending => pending.Committed.TrySetResult());
            }
            catch (Exception failed)
            {
                batch.ForEach(pending => pending.Committed.TrySetException(failed));
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (row, _) in batch)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO consortium_audit (at, consortium, tenant, actor, action, target, remote_address)
                VALUES (@at, @consortium, @tenant, @actor, @action, @target, @remote_address)
                """;
            command.With("at", row.At);
            command.With("consortium", row.Consortium);
            command.With("tenant", row.Tenant);
            command.With("actor", row.Actor);
            command.With("action", row.Action);
            command.With("target", row.Target);
            command.With("remote_address", row.RemoteAddress);
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
