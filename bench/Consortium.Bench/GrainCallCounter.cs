namespace Consortium.Bench;

/// <summary>Counts every grain call a silo serves, so a benchmark can say how many one unit of work costs.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public void Reset() => Interlocked.Exchange(ref _calls, 0);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return context.Invoke();
    }
}
