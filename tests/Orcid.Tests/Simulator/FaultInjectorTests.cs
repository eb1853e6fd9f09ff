using Consortium.OrcidSimulator.State;

namespace Consortium.Orcid.Tests.Simulator;

public sealed class FaultInjectorTests
{
    readonly ManualTimeProvider clock = new();

    [Theory]
    [InlineData(0.5, "X.X.X.X.")]
    [InlineData(0.25, "X...X...")]
    [InlineData(1.0, "XXXXXXXX")]
    public void RateSpreadsHitsEvenlyStartingWithTheFirstRequest(double rate, string pattern)
    {
        var faults = new FaultInjector(clock);
        faults.Start(FaultKind.Error500, rate, TimeSpan.FromMinutes(1), TimeSpan.Zero);

        var hits = string.Concat(Enumerable.Range(0, 8).Select(_ => faults.Next(isWrite: false) is null ? '.' : 'X'));

        Assert.Equal(pattern, hits);
    }

    [Fact]
    public void FaultEndsAfterItsDuration()
    {
        var faults = new FaultInjector(clock);
        faults.Start(FaultKind.Burst503, 1, TimeSpan.FromSeconds(1), TimeSpan.Zero);

        var during = faults.Next(isWrite: false);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(FaultKind.Burst503, during?.Kind);
        Assert.Null(faults.Next(isWrite: false));
    }

    [Fact]
    public void LockedRecordOnlyHitsWrites()
    {
        var faults = new FaultInjector(clock);
        faults.Start(FaultKind.Locked, 1, TimeSpan.FromMinutes(1), TimeSpan.Zero);

        Assert.Null(faults.Next(isWrite: false));
        Assert.Equal(FaultKind.Locked, faults.Next(isWrite: true)?.Kind);
    }
}
