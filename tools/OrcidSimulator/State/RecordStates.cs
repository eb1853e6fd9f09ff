using System.Collections.Concurrent;

namespace Consortium.OrcidSimulator.State;

/// <summary>What ORCID's <c>checkProfile</c> looks at before serving a record: deprecated (with its primary iD), locked or deactivated.
/// Read in ORCID-Source <c>orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrcidSecurityManagerImpl.java</c> (checkProfile).</summary>
public enum RecordState
{
    Active,
    Locked,
    Deactivated,
    Deprecated,
}

public sealed record RecordStatus(RecordState State, string? PrimaryOrcid = null)
{
    public static readonly RecordStatus Active = new(RecordState.Active);
}

/// <summary>The state of each record; a record never set is active.</summary>
public sealed class RecordStates
{
    readonly ConcurrentDictionary<string, RecordStatus> states = [];

    public RecordStatus Of(string orcid) => states.GetValueOrDefault(orcid, RecordStatus.Active);

    public void Set(string orcid, RecordStatus status) => states[orcid] = status;

    public IReadOnlyDictionary<string, RecordStatus> Export() => new SortedDictionary<string, RecordStatus>(states);
}
