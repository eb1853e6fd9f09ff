using System.Collections.Concurrent;

namespace Consortium.OrcidSimulator.State;

/// <summary>How many times each record's qualification list was read, through the member or the public API, so a test can
/// see from outside the portal how often it asked ORCID for a record (<c>/_sim/records/{orcid}/reads</c>).</summary>
public sealed class RecordReads
{
    readonly ConcurrentDictionary<string, StrongBox> counts = new();

    sealed class StrongBox
    {
        public long Value;
    }

    public void Count(string orcid) => Interlocked.Increment(ref counts.GetOrAdd(orcid, _ => new StrongBox()).Value);

    public long Of(string orcid) => counts.TryGetValue(orcid, out var count) ? Interlocked.Read(ref count.Value) : 0;
}
