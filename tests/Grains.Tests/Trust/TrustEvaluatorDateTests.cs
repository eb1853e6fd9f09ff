using Consortium.Grains.Trust;
using Consortium.Orcid.Model;
using static Consortium.Grains.Tests.Trust.RecordItems;
using static Consortium.Grains.Tests.Trust.TrustRules;

namespace Consortium.Grains.Tests.Trust;

/// <summary>Started, not expired and issued-within, with ORCID's partial dates, on <see cref="RecordItems.Today"/> (2026-06-15).</summary>
public sealed class TrustEvaluatorDateTests
{
    [Theory]
    [InlineData(2026, 6, 14, false)]
    [InlineData(2026, 6, 15, true)]
    [InlineData(2026, 6, null, true)]
    [InlineData(2026, 5, null, false)]
    [InlineData(2026, null, null, true)]
    [InlineData(2025, null, null, false)]
    public void AnEndDateLastsUntilItsLatestDay(int year, int? month, int? day, bool matched)
    {
        var item = FromOwnClient() with { EndDate = Date(year, month, day) };

        Assert.Equal(matched, Assert.Single(TrustEvaluator.Evaluate(Rule(), Context(), [item]).Evidence).Matched);
    }

    [Theory]
    [InlineData(2026, 6, 16, false)]
    [InlineData(2026, 6, 15, true)]
    [InlineData(2026, 6, null, true)]
    [InlineData(2026, 7, null, false)]
    [InlineData(2026, null, null, true)]
    [InlineData(2027, null, null, false)]
    public void AStartDateCountsFromItsEarliestDay(int year, int? month, int? day, bool matched)
    {
        var item = FromOwnClient() with { StartDate = Date(year, month, day) };

        Assert.Equal(matched, Assert.Single(TrustEvaluator.Evaluate(Rule(), Context(), [item]).Evidence).Matched);
    }

    [Fact]
    public void NotYetStartedSaysWhenItStarts()
    {
        var verdict = TrustEvaluator.Evaluate(Rule(), Context(), [FromOwnClient() with { StartDate = Date(2026, 9) }]);

        Assert.Equal(["Has not started yet: it starts 2026-09."], verdict.Evidence[0].Reasons);
        Assert.Equal("Denied: the only qualification on the record does not meet the rule (not yet started).", verdict.Reason);
    }

    [Fact]
    public void AMissingStartDateCountsAsStartedWithANote()
    {
        var evidence = Assert.Single(TrustEvaluator.Evaluate(Rule(), Context(), [FromOwnClient() with { StartDate = null }]).Evidence);

        Assert.True(evidence.Matched);
        Assert.Contains("Has no start date, so it counts as started.", evidence.Reasons);
        Assert.Null(evidence.StartDate);
    }

    [Fact]
    public void DatesAreIgnoredWhenTheRuleDoesNotAskAboutThem()
    {
        var rule = Rule(validity: new ValidityInput(MustHaveStarted: false, MustNotBeExpired: false));
        var item = FromOwnClient() with { StartDate = Date(2030), EndDate = Date(2020) };

        var evidence = Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [item]).Evidence);

        Assert.True(evidence.Matched);
        Assert.Equal(["Written by this organisation, which this rule trusts.", "Titled \"Radiation Safety\"."], evidence.Reasons);
    }

    [Theory]
    [InlineData(2025, 6, 15, true)]
    [InlineData(2025, 6, 14, false)]
    [InlineData(2025, 7, null, true)]
    [InlineData(2025, 6, null, false)]
    public void IssuedWithinCountsMonthsBackFromToday(int year, int? month, int? day, bool matched)
    {
        var rule = Rule(validity: new ValidityInput(null, null, IssuedWithinMonths: 12));
        var item = FromOwnClient() with { StartDate = Date(year, month, day) };

        var evidence = Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [item]).Evidence);

        Assert.Equal(matched, evidence.Matched);
        Assert.Contains(
            $"Issued {new PartialDate(year, month, day).Printed()}, {(matched ? "within" : "not within")} the last 12 months.",
            evidence.Reasons);
    }

    [Fact]
    public void IssuedWithinFallsBackToWhenTheItemWasAddedToOrcid()
    {
        var rule = Rule(validity: new ValidityInput(null, null, IssuedWithinMonths: 6));
        var recent = FromOwnClient(1) with { StartDate = null, CreatedDate = new DateTimeOffset(2026, 1, 10, 23, 0, 0, TimeSpan.Zero) };
        var old = FromOwnClient(2) with { StartDate = null, CreatedDate = new DateTimeOffset(2025, 1, 10, 23, 0, 0, TimeSpan.Zero) };
        var undated = FromOwnClient(3) with { StartDate = null, CreatedDate = null };

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [recent, old, undated]);

        Assert.Equal([true, false, false], verdict.Evidence.Select(e => e.Matched));
        Assert.Contains("Has no start date; added to ORCID on 2026-01-10, within the last 6 months.", verdict.Evidence[0].Reasons);
        Assert.Equal(["Has no start date; added to ORCID on 2025-01-10, not within the last 6 months."], verdict.Evidence[1].Reasons);
        Assert.Equal(["Has no start date or creation date, so it cannot be shown to be issued in the last 6 months."], verdict.Evidence[2].Reasons);
        Assert.Equal("Denied: none of the 2 qualifications on the record meets the rule (2 issued too long ago).",
            TrustEvaluator.Evaluate(rule, Context(), [old, undated]).Reason);
    }

    [Fact]
    public void AnImpossibleDayOnTheRecordIsReadAsTheMonth()
    {
        var item = FromOwnClient() with { EndDate = Date(2026, 2, 31) };

        var evidence = Assert.Single(TrustEvaluator.Evaluate(Rule(), Context(), [item]).Evidence);

        Assert.Equal("2026-02", evidence.EndDate);
        Assert.Contains("Expired: it ended 2026-02.", evidence.Reasons);
    }
}
