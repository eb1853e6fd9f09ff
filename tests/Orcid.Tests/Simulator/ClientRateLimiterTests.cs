using Consortium.OrcidSimulator.State;

namespace Consortium.Orcid.Tests.Simulator;

public sealed class ClientRateLimiterTests
{
    readonly ManualTimeProvider clock = new();

    [Fact]
    public void BurstOfFortyPassesAndTheFortyFirstIsRefused()
    {
        var limiter = new ClientRateLimiter(clock);

        var answers = Enumerable.Range(0, 41).Select(_ => limiter.TryAcquire("APP-A")).ToList();

        Assert.Equal(Enumerable.Repeat(true, 40).Append(false), answers);
    }

    [Fact]
    public void TwentyFourTokensComeBackEachSecond()
    {
        var limiter = new ClientRateLimiter(clock);
        for (var i = 0; i < 40; i++)
        {
            limiter.TryAcquire("APP-A");
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var answers = Enumerable.Range(0, 25).Select(_ => limiter.TryAcquire("APP-A")).ToList();

        Assert.Equal(Enumerable.Repeat(true, 24).Append(false), answers);
    }

    [Fact]
    public void EachClientHasItsOwnBucket()
    {
        var limiter = new ClientRateLimiter(clock);
        for (var i = 0; i < 40; i++)
        {
            limiter.TryAcquire("APP-A");
        }

        Assert.False(limiter.TryAcquire("APP-A"));
        Assert.True(limiter.TryAcquire("APP-B"));
    }
}
