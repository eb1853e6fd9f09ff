using Consortium.Grains.Trust;
using static Consortium.Grains.Tests.Trust.RecordItems;
using static Consortium.Grains.Tests.Trust.TrustRules;

namespace Consortium.Grains.Tests.Trust;

/// <summary>Title, organisation and external id, alone and combined with "all" or "any".</summary>
public sealed class TrustEvaluatorConditionTests
{
    [Theory]
    [InlineData("Radiation Safety", true)]
    [InlineData("  radiation   SAFETY ", true)]
    [InlineData("Radiation Safety 2", false)]
    [InlineData("Advanced Radiation Safety", false)]
    public void ExactTitleIgnoresCaseAndSpacing(string title, bool matched)
    {
        var verdict = TrustEvaluator.Evaluate(Rule(), Context(), [FromOwnClient(title: title)]);

        Assert.Equal(matched, Assert.Single(verdict.Evidence).Matched);
    }

    [Theory]
    [InlineData("Laser Safety Level 1", true)]
    [InlineData("laser safety level 2", true)]
    [InlineData("Laser Safety Level 3", false)]
    public void OneOfTitlesMatchesAnyOfThem(string title, bool matched)
    {
        var rule = Rule(titleMatch: new TitleMatchInput("one-of", ["Laser Safety Level 1", "Laser Safety Level 2"]));

        var evidence = Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient(title: title)]).Evidence);

        Assert.Equal(matched, evidence.Matched);
        Assert.Contains(matched ? $"Titled \"{title}\", one of the rule's titles." : $"Titled \"{title}\", which is none of the rule's 2 titles.", evidence.Reasons);
    }

    [Theory]
    [InlineData("Laser Safety Level 2", true)]
    [InlineData("LASER SAFETY LEVEL 7", true)]
    [InlineData("Advanced Laser Safety Level 2", false)]
    [InlineData("Laser Safety Level 2 (expired)", false)]
    public void PatternMustMatchTheWholeTitleIgnoringCase(string title, bool matched)
    {
        var rule = Rule(titleMatch: new TitleMatchInput("pattern", ["Laser Safety Level [0-9]"]));

        Assert.Equal(matched, Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient(title: title)]).Evidence).Matched);
    }

    [Fact]
    public void APatternThatTakesTooLongCountsAsNotMatching()
    {
        var rule = Rule(titleMatch: new TitleMatchInput("pattern", ["(a+)+b"]));

        var evidence = Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient(title: new string('a', 40) + "c")]).Evidence);

        Assert.False(evidence.Matched);
        Assert.Contains(evidence.Reasons, reason => reason.EndsWith("the title pattern took too long to check, so it counts as not matching."));
    }

    [Fact]
    public void TemplateTitlesComeFromTheContextAndUnknownTemplatesAreIgnored()
    {
        var rule = Rule(titleMatch: new TitleMatchInput("template", ["laser-2", "retired"]));
        var context = Context(new Dictionary<string, string> { ["laser-2"] = "Laser Safety Level 2", ["fire"] = "Fire Warden" });

        var verdict = TrustEvaluator.Evaluate(rule, context, [FromOwnClient(1, "Laser Safety Level 2"), FromOwnClient(2, "Fire Warden")]);

        Assert.Equal([true, false], verdict.Evidence.Select(e => e.Matched));
        Assert.Contains("Titled \"Laser Safety Level 2\", as template laser-2.", verdict.Evidence[0].Reasons);
        Assert.Equal(["Titled \"Fire Warden\", which is not the title of template laser-2."], verdict.Evidence[1].Reasons);
    }

    [Fact]
    public void ARuleWhoseTemplatesAreAllGoneMatchesNothing()
    {
        var rule = Rule(titleMatch: new TitleMatchInput("template", ["retired"]));

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient()]);

        Assert.Equal(Decision.Deny, verdict.Decision);
        Assert.Equal(["Titled \"Radiation Safety\", but none of the rule's templates (retired) exists any more."], verdict.Evidence[0].Reasons);
    }

    [Theory]
    [InlineData("https://ror.org/02mhbdp94", "https://ror.org/02mhbdp94", true)]
    [InlineData("02mhbdp94", "https://ror.org/02mhbdp94", true)]
    [InlineData("https://ror.org/02mhbdp94", "02MHBDP94", true)]
    [InlineData("https://ror.org/02mhbdp94", "http://ror.org/02MHBDP94", true)]
    [InlineData("https://ror.org/02mhbdp94", "https://ror.org/03yrm5c26", false)]
    [InlineData("2729", "2729", true)]
    [InlineData("grid.9654.e", "GRID.9654.E", true)]
    [InlineData("2729", "27290", false)]
    public void OrganisationIdsCompareRorUrlsAndBareIdsAlike(string ruleOrganisation, string itemOrganisation, bool matched)
    {
        var rule = Rule(title: null, organisationId: ruleOrganisation);
        var item = FromOwnClient() with { Organization = Organisation("Example University", itemOrganisation) };

        Assert.Equal(matched, Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [item]).Evidence).Matched);
    }

    [Fact]
    public void AnOrganisationWithoutAnIdDoesNotMatchAnOrganisationCondition()
    {
        var rule = Rule(title: null, organisationId: OwnRor);
        var item = FromOwnClient() with { Organization = Organisation("Example University", null) };

        var evidence = Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [item]).Evidence);

        Assert.Equal(["From Example University without an organisation id, so not shown to be from https://ror.org/02mhbdp94."], evidence.Reasons);
    }

    [Theory]
    [InlineData("other-id", "cert-0001", true)]
    [InlineData("other-id", "CERT-12", true)]
    [InlineData("other-id", "cert-0001x", false)]
    [InlineData("grant_number", "cert-0001", false)]
    public void ExternalIdNeedsTheTypeAndAWholeValueMatch(string type, string value, bool matched)
    {
        var rule = Rule(title: null, externalIdType: "other-id", externalIdValue: @"cert-\d+");
        var item = FromOwnClient() with { ExternalIds = [ExternalId("doi", "10.1234/x"), ExternalId(type, value)] };

        var evidence = Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [item]).Evidence);

        Assert.Equal(matched, evidence.Matched);
        Assert.Contains(matched ? $"Has the other-id external id \"{value}\"." : "Has no other-id external id matching \"cert-\\d+\".", evidence.Reasons);
    }

    [Fact]
    public void ExternalIdTypeAloneNeedsOnlyAnIdOfThatType()
    {
        var rule = Rule(title: null, externalIdType: "other-id");

        var verdict = TrustEvaluator.Evaluate(rule, Context(),
            [FromOwnClient(1) with { ExternalIds = [ExternalId("other-id", "anything")] }, FromOwnClient(2)]);

        Assert.Equal([true, false], verdict.Evidence.Select(e => e.Matched));
        Assert.Equal(["Has no other-id external id."], verdict.Evidence[1].Reasons);
    }

    [Theory]
    [InlineData("all", Decision.Deny)]
    [InlineData("any", Decision.Allow)]
    public void CombineDecidesWhetherOneConditionIsEnough(string combine, Decision expected)
    {
        var rule = Rule(organisationId: "https://ror.org/03yrm5c26", combine: combine);

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient()]);

        Assert.Equal(expected, verdict.Decision);
    }

    [Fact]
    public void AnyStillRequiresTheSourceAndTheDates()
    {
        var rule = Rule(organisationId: "https://ror.org/03yrm5c26", combine: "any");
        var expired = FromOwnClient(1) with { EndDate = Date(2025, 12, 31) };

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [expired, FromOtherMember(2)]);

        Assert.Equal(Decision.Deny, verdict.Decision);
        Assert.Equal(["Expired: it ended 2025-12-31."], verdict.Evidence[0].Reasons);
    }

    [Fact]
    public void WhenNoAlternativeHoldsEachFailureIsGiven()
    {
        var rule = Rule(organisationId: "https://ror.org/03yrm5c26", combine: "any");

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient(title: "Fire Warden")]);

        Assert.Equal(
            ["Titled \"Fire Warden\", not \"Radiation Safety\".", "From Example University (https://ror.org/02mhbdp94), not https://ror.org/03yrm5c26."],
            Assert.Single(verdict.Evidence).Reasons);
        Assert.Equal("Denied: the only qualification on the record does not meet the rule (meeting none of the conditions).", verdict.Reason);
    }

    [Fact]
    public void WithAllEveryFailingConditionIsGiven()
    {
        var rule = Rule(organisationId: "https://ror.org/03yrm5c26", externalIdType: "other-id");

        var evidence = Assert.Single(TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient(title: "Fire Warden")]).Evidence);

        Assert.Equal(3, evidence.Reasons.Count);
    }

    [Fact]
    public void ARuleWithOnlySourcesAcceptsAnyTrustedQualification()
    {
        var rule = Rule(title: null, validity: new ValidityInput(false, false));

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient(title: "Anything") with { EndDate = Date(2001) }]);

        Assert.Equal(Decision.Allow, verdict.Decision);
        Assert.Equal(["Written by this organisation, which this rule trusts."], verdict.Evidence[0].Reasons);
    }
}
