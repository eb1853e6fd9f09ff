using System.Text.Json;
using Consortium.Grains.Trust;
using static Consortium.Grains.Tests.Trust.TrustRules;

namespace Consortium.Grains.Tests.Trust;

/// <summary>The one-paragraph summary a member admin reads for a rule.</summary>
public sealed class TrustRuleSummaryTests
{
    [Fact]
    public void SummaryNamesTitleSourcesAndDates()
    {
        var rule = Rule(new TrustInput(OwnClient: true, TrustedClients: ["tenant:example-university"]));

        Assert.Equal(
            "Allow when the record has a qualification titled \"Radiation Safety\", written by this organisation or the member example-university, that has started and has not expired.",
            rule.Summary);
        Assert.Equal(
            "Allow when the record has a qualification titled \"Radiation Safety\", written by this organisation or Example University, that has started and has not expired.",
            rule.Describe(new Dictionary<string, string> { ["tenant:example-university"] = "Example University" }));
    }

    [Fact]
    public void TheRulesJsonCarriesTheSummaryButNotItsHelpers()
    {
        var json = JsonSerializer.SerializeToElement(Rule(), JsonSerializerOptions.Web);

        Assert.Equal(Rule().Summary, json.GetProperty("summary").GetString());
        Assert.False(json.TryGetProperty("hasIdentifyingCondition", out _));
        Assert.False(json.GetProperty("trust").TryGetProperty("trustsNobody", out _));
    }

    [Fact]
    public void SummaryOfAllConditionsJoinsThemWithAnd()
    {
        var rule = Rule(
            new TrustInput(OwnClient: false, TrustedClients: ["APP-PARTNER000000001"], SelfAsserted: true),
            titleMatch: new TitleMatchInput("one-of", ["Laser Safety Level 1", "Laser Safety Level 2"]),
            organisationId: "02mhbdp94",
            externalIdType: "other-id",
            externalIdValue: "cert-.*",
            validity: new ValidityInput(false, true, 24));

        Assert.Equal(
            "Allow when the record has a qualification titled \"Laser Safety Level 1\" or \"Laser Safety Level 2\", from organisation https://ror.org/02mhbdp94 "
            + "and with an other-id external id matching \"cert-.*\", written by the client APP-PARTNER000000001 or added by the researcher themselves, "
            + "that has not expired and was issued in the last 24 months.",
            rule.Summary);
    }

    [Fact]
    public void SummaryOfAnyConditionSaysEither()
    {
        var rule = Rule(new TrustInput(OwnClient: false, AnyMember: true), organisationId: "2729", combine: "any",
            validity: new ValidityInput(false, false));

        Assert.Equal(
            "Allow when the record has a qualification either titled \"Radiation Safety\" or from organisation 2729, written by any ORCID member organisation.",
            rule.Summary);
    }

    [Fact]
    public void SummaryNamesTemplatesAndTheirTitlesWhenKnown()
    {
        var rule = Rule(titleMatch: new TitleMatchInput("template", ["laser-2"]), validity: new ValidityInput(true, false));

        Assert.Equal(
            "Allow when the record has a qualification titled as in template laser-2 (\"Laser Safety Level 2\"), written by this organisation, that has started.",
            rule.Describe(templateTitles: new Dictionary<string, string> { ["laser-2"] = "Laser Safety Level 2" }));
        Assert.Contains("titled as in template laser-2,", rule.Summary);
    }

    [Fact]
    public void SummaryOfAPatternQuotesIt()
    {
        var rule = Rule(titleMatch: new TitleMatchInput("pattern", ["Laser Safety Level [12]"]));

        Assert.StartsWith("Allow when the record has a qualification with a title matching the pattern \"Laser Safety Level [12]\", written by", rule.Summary);
    }

    [Fact]
    public void SummarySaysSoWhenOnlySourcesAndDatesCount()
    {
        var rule = Rule(title: null);

        Assert.Equal(
            "Allow when the record has any qualification, written by this organisation, that has started and has not expired. "
            + "It names no title, organisation or external id, so any such qualification counts.",
            rule.Summary);
    }

    [Fact]
    public void SummarySaysSoWhenOnlySourcesCount()
    {
        var rule = Rule(new TrustInput(OwnClient: true, SelfAsserted: true), title: null, validity: new ValidityInput(false, false));

        Assert.Equal(
            "Allow when the record has any qualification, written by this organisation or added by the researcher themselves. "
            + "It sets no condition besides the source, so any qualification these sources wrote counts, whatever its title or dates.",
            rule.Summary);
    }
}
