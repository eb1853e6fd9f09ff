namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>
/// The system's clock moved on by what a test <see cref="Advance"/>s: a test sees days pass (grace periods end, months close)
/// at once. Unlike a frozen fake clock, time still runs and timers, delays and timestamps are the system's, so everything
/// the portal waits on (ORCID's rate limits, retries, timers) keeps working.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public TimeSpan Shift => TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    /// <summary>Moves the clock to <paramref name="at"/>, if that is later than now.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var by = at - GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            Advance(by);
        }
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
