namespace Consortium.OrcidSimulator.State;

/// <summary>Active injected faults. <c>rate</c> is the share of requests hit, spread evenly rather than at random
/// (with 0.5 the first, third, fifth... request fails, so a single retry succeeds) so that tests behave the same on every run.</summary>
public sealed class FaultInjector(TimeProvider timeProvider)
{
    sealed class ActiveFault(FaultKind kind, double rate, DateTimeOffset until, TimeSpan latency)
    {
        long seen;

        public FaultKind Kind => kind;
        public TimeSpan Latency => latency;
        public bool ActiveAt(DateTimeOffset now) => now < until;

        /// <summary>Hit when the running count of expected hits, ⌈n × rate⌉, steps up.</summary>
        public bool Hits()
        {
            var n = Interlocked.Increment(ref seen);
            return Math.Ceiling(n * rate) > Math.Ceiling((n - 1) * rate);
        }
    }

    readonly Lock gate = new();
    readonly List<ActiveFault> faults = [];

    public void Start(FaultKind kind, double rate, TimeSpan duration, TimeSpan latency)
    {
        lock (gate)
        {
            faults.Add(new ActiveFault(kind, rate, timeProvider.GetUtcNow() + duration, latency));
        }
    }

    public void StopAll()
    {
        lock (gate)
        {
            faults.Clear();
        }
    }

    /// <summary>The fault to apply to this request, if any; <paramref name="isWrite"/> because only writes meet a locked record.</summary>
    public (FaultKind Kind, TimeSpan Latency)? Next(bool isWrite)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            faults.RemoveAll(f => !f.ActiveAt(now));
            var hit = faults.FirstOrDefault(f => (isWrite || f.Kind != FaultKind.Locked) && f.Hits());
            return hit is null ? null : (hit.Kind, hit.Latency);
        }
    }
}
