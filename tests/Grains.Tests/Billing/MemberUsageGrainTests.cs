using Consortium.Grains.Billing;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Billing;

/// <summary>A member's usage grain on a real silo: each researcher once a month, each issuance once, what was reported kept.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class MemberUsageGrainTests(SqliteClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Cluster.Client;

    [Fact]
    public async Task AResearcherConnectingAgainAndAnIssuanceToldTwiceCountOnce()
    {
        var usage = _grains.GetMemberUsage(UniqueSlug.New());

        await usage.ResearcherConnectedAsync("0000-0002-1825-0097");
        await usage.ResearcherConnectedAsync("0000-0002-1825-0097");
        await usage.ResearcherConnectedAsync("0000-0001-5109-3700");
        await usage.IssuanceWrittenAsync("cert-1");
        await usage.IssuanceWrittenAsync("cert-1");

        var month = Assert.Single((await usage.GetAsync()).Months);
        Assert.Equal(UsageMonth.Of(DateTimeOffset.UtcNow), month.Month);
        Assert.Equal((2, 1), (month.ResearchersConnected, month.IssuancesWritten));
        Assert.Empty(month.Reported);
    }

    [Fact]
    public async Task AReportedMetricIsRememberedOnceAndTheMonthsCountsStay()
    {
        var usage = _grains.GetMemberUsage(UniqueSlug.New());
        await usage.IssuanceWrittenAsync("cert-1");
        var month = UsageMonth.Of(DateTimeOffset.UtcNow);

        await usage.MarkReportedAsync(month, UsageMetrics.Issuances);
        await usage.MarkReportedAsync(month, UsageMetrics.Issuances);

        var known = Assert.Single((await usage.GetAsync()).Months);
        Assert.Equal([UsageMetrics.Issuances], known.Reported);
        Assert.Equal(1, known.IssuancesWritten);
    }

    [Fact]
    public void AMonthEndsAtTheFirstInstantOfTheNext() =>
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), UsageMonth.EndOf("2026-12"));
}
