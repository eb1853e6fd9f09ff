using Consortium.Grains.Launch;

namespace Consortium.Grains.Issuing;

/// <summary>
/// The queue grain's working copy of its <see cref="IssuingQueueState"/>. The grain is reentrant and changes this between
/// awaits; it stores <see cref="Snapshot"/>s, never these collections, so a write in flight never sees one change
/// under it ("Collection was modified").
/// </summary>
internal sealed class IssuingQueue(IssuingQueueState stored)
{
    private readonly Dictionary<string, DateTimeOffset> pending = new(stored.Pending, StringComparer.Ordinal);
    private readonly Dictionary<string, int> callFailures = new(stored.CallFailures, StringComparer.Ordinal);
    private readonly Dictionary<LaunchStep, LaunchMilestone> milestones = new(stored.Milestones);

    /// <summary>Counts the changes, so a save can tell whether a snapshot it did not take already holds them.</summary>
    public long Version { get; private set; }

    /// <summary>Issuance ids with work to do, and from when.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Pending => pending;

    public IReadOnlyDictionary<LaunchStep, LaunchMilestone> Milestones => milestones;

    public void Schedule(string issuanceId, DateTimeOffset at)
    {
        pending[issuanceId] = at;
        Version++;
    }

    public void Unschedule(string issuanceId)
    {
        if (pending.Remove(issuanceId) | callFailures.Remove(issuanceId))
        {
            Version++;
        }
    }

    /// <returns>How many times in a row processing this issuance has failed, this one included.</returns>
    public int CallFailed(string issuanceId)
    {
        Version++;
        return callFailures[issuanceId] = callFailures.GetValueOrDefault(issuanceId) + 1;
    }

    /// <summary>Brings the issuances whose last call failed forward to <paramref name="now"/>, keeping their failure counts.</summary>
    public void RetryFailedCallsBy(DateTimeOffset now)
    {
        foreach (var id in callFailures.Keys.Where(id => pending.TryGetValue(id, out var at) && at > now))
        {
            Schedule(id, now);
        }
    }

    public void CallSucceeded(string issuanceId)
    {
        if (callFailures.Remove(issuanceId))
        {
            Version++;
        }
    }

    public void Reach(LaunchStep step, LaunchMilestone milestone)
    {
        if (milestones.TryAdd(step, milestone))
        {
            Version++;
        }
    }

    /// <summary>A copy for storage, never changed afterwards.</summary>
    public IssuingQueueState Snapshot() => new()
    {
        Pending = new(pending, StringComparer.Ordinal),
        CallFailures = new(callFailures, StringComparer.Ordinal),
        Milestones = new(milestones),
    };
}
