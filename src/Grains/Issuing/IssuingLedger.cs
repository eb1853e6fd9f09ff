using Consortium.Grains.Launch;
using Consortium.Grains.Researchers;

namespace Consortium.Grains.Issuing;

/// <summary>
/// The queue grain's working copy of its <see cref="LedgerState"/>. The grain is reentrant and changes this between
/// awaits; it stores <see cref="Snapshot"/>s, never these collections, so a write in flight never sees one change
/// under it ("Collection was modified").
/// </summary>
internal sealed class IssuingLedger(LedgerState stored)
{
    private readonly Dictionary<string, IssuanceView> issuances = new(stored.Issuances, StringComparer.Ordinal);
    private readonly Dictionary<string, ResearcherView> researchers = new(stored.Researchers, StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> pending = new(stored.Pending, StringComparer.Ordinal);
    private readonly Dictionary<LaunchStep, LaunchMilestone> milestones = new(stored.Milestones);

    /// <summary>Counts the changes, so a save can tell whether a snapshot it did not take already holds them.</summary>
    public long Version { get; private set; }

    public IReadOnlyDictionary<string, IssuanceView> Issuances => issuances;

    public IReadOnlyDictionary<string, ResearcherView> Researchers => researchers;

    /// <summary>Issuance ids with work to do, and from when.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Pending => pending;

    public IReadOnlyDictionary<LaunchStep, LaunchMilestone> Milestones => milestones;

    /// <summary>Issuances still to be written: queued ones, and any other with work scheduled. Counted from the issuances,
    /// so one the queue lost track of still counts until it is written.</summary>
    public int Unfinished => issuances.Values.Count(i => i.Status == IssuanceStatus.Queued || pending.ContainsKey(i.Id));

    /// <summary>Queued issuances with no work scheduled: left behind when a crash hit between an issuance's write and the
    /// ledger's, or stored so by an earlier version that did not enqueue an unchanged issuance again.</summary>
    public IReadOnlyList<string> Stranded() =>
        [.. issuances.Values.Where(i => i.Status == IssuanceStatus.Queued && !pending.ContainsKey(i.Id)).Select(i => i.Id)];

    public void Record(IssuanceView view)
    {
        issuances[view.Id] = view;
        Version++;
    }

    public void Record(ResearcherView researcher)
    {
        researchers[researcher.Orcid] = researcher;
        Version++;
    }

    public void Schedule(string issuanceId, DateTimeOffset at)
    {
        pending[issuanceId] = at;
        Version++;
    }

    public void Unschedule(string issuanceId)
    {
        if (pending.Remove(issuanceId))
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
    public LedgerState Snapshot() => new()
    {
        Issuances = new(issuances, StringComparer.Ordinal),
        Researchers = new(researchers, StringComparer.Ordinal),
        Pending = new(pending, StringComparer.Ordinal),
        Milestones = new(milestones),
    };
}
