using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.State;

namespace Consortium.Orcid.Tests.Simulator;

/// <summary>The public API's limits: 12 a second with bursts of 40 per caller, and a daily quota for anonymous callers
/// (orcid-pub-web/src/main/java/org/orcid/api/filters/ApiRateLimitFilter.java).</summary>
public sealed class PublicApiLimitsTests
{
    readonly ManualTimeProvider clock = new();

    [Fact]
    public void BurstOfFortyThenTwelveEachSecondPerCaller()
    {
        var limits = new PublicApiLimits(clock, new OrcidSimulatorOptions());

        var burst = Enumerable.Range(0, 41).Select(_ => limits.TryAcquire("10.0.0.1")).ToList();
        var otherCaller = limits.TryAcquire("APP-B");
        clock.Advance(TimeSpan.FromSeconds(1));
        var nextSecond = Enumerable.Range(0, 13).Select(_ => limits.TryAcquire("10.0.0.1")).ToList();

        Assert.Equal(Enumerable.Repeat(true, 40).Append(false), burst);
        Assert.True(otherCaller);
        Assert.Equal(Enumerable.Repeat(true, 12).Append(false), nextSecond);
    }

    [Fact]
    public void TheRequestThatReachesTheDailyQuotaIsRefusedUntilTheNextDay()
    {
        var limits = new PublicApiLimits(clock, new OrcidSimulatorOptions { PublicAnonymousDailyQuota = 3 });

        // ApiRateLimitFilter refuses when (count + 1) >= limit: a quota of 3 lets 2 through.
        var today = Enumerable.Range(0, 3).Select(_ => limits.CountAnonymous("10.0.0.1")).ToList();
        var otherAddress = limits.CountAnonymous("10.0.0.2");
        clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = limits.CountAnonymous("10.0.0.1");

        Assert.Equal([true, true, false], today);
        Assert.True(otherAddress);
        Assert.True(tomorrow);
    }
}
