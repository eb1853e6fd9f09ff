using System.Text.Json;
using Consortium.Grains.Common;
using Consortium.Grains.Trust;

namespace Consortium.Grains.Tests.Trust;

/// <summary>Trust rules as the API receives them: JSON bodies validated into a <see cref="TrustRule"/>, errors naming the JSON field.</summary>
public sealed class TrustRuleInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheMinimalBodyOfTheDesignIsAccepted()
    {
        var rule = Validated("""{"title": "Radiation Safety", "trust": {"ownClient": true, "trustedClients": [], "anyMember": false, "selfAsserted": false}}""");

        Assert.Equal(("radiation", 1, "Radiation Safety", Now), (rule.Id, rule.Version, rule.Name, rule.SavedAt));
        Assert.Equal(TitleMatchMode.Exact, rule.Title!.Mode);
        Assert.Equal(["Radiation Safety"], rule.Title.Values);
        Assert.Equal((true, false, false), (rule.Trust.OwnClient, rule.Trust.AnyMember, rule.Trust.SelfAsserted));
        Assert.Empty(rule.Trust.TrustedClients);
        Assert.Equal(ValidityRequirement.Default, rule.Validity);
        Assert.Equal(ConditionMode.All, rule.Combine);
        Assert.Equal((null, null, null), (rule.OrganisationId, rule.ExternalIdType, rule.ExternalIdValuePattern));
    }

    [Fact]
    public void EveryFieldIsReadAndNormalised()
    {
        var rule = Validated("""
            {"name": "  Laser access  ",
             "titleMatch": {"mode": "one-of", "values": [" Laser Safety Level 1 ", "laser  safety level 1", "Laser Safety Level 2"]},
             "trust": {"trustedClients": ["app-partner000000001", "tenant:example-university", "APP-PARTNER000000001"], "selfAsserted": true},
             "organisationId": "https://ror.org/02MHBDP94",
             "externalIdType": " Other-ID ", "externalIdValue": " cert-\\d+ ",
             "validity": {"mustHaveStarted": false, "issuedWithinMonths": 24},
             "combine": "ANY"}
            """);

        Assert.Equal("Laser access", rule.Name);
        Assert.Equal(new[] { "Laser Safety Level 1", "Laser Safety Level 2" }, rule.Title!.Values);
        Assert.Equal(new[] { "APP-PARTNER000000001", "tenant:example-university" }, rule.Trust.TrustedClients);
        Assert.Equal(["APP-PARTNER000000001"], rule.Trust.ClientIds);
        Assert.Equal(["example-university"], rule.Trust.TenantSlugs);
        Assert.Equal("https://ror.org/02mhbdp94", rule.OrganisationId);
        Assert.Equal(("other-id", @"cert-\d+"), (rule.ExternalIdType, rule.ExternalIdValuePattern));
        Assert.Equal(new ValidityRequirement(false, true, 24), rule.Validity);
        Assert.Equal(ConditionMode.Any, rule.Combine);
    }

    [Fact]
    public void TitleMatchWinsOverTheTitleShorthand()
    {
        var rule = Validated("""{"title": "Ignored", "titleMatch": {"mode": "pattern", "values": ["Laser .*"]}, "trust": {"ownClient": true}}""");

        Assert.Equal(TitleMatchMode.Pattern, rule.Title!.Mode);
        Assert.Equal(["Laser .*"], rule.Title.Values);
        Assert.Equal("radiation", rule.Name);
    }

    [Theory]
    [InlineData("""{"titleMatch": {"values": ["One"]}, "trust": {"ownClient": true}}""", TitleMatchMode.Exact)]
    [InlineData("""{"titleMatch": {"values": ["One", "Two"]}, "trust": {"ownClient": true}}""", TitleMatchMode.OneOf)]
    [InlineData("""{"titleMatch": {"mode": "Template", "values": ["laser-2"]}, "trust": {"ownClient": true}}""", TitleMatchMode.Template)]
    public void AMissingModeFollowsTheNumberOfValues(string body, TitleMatchMode expected)
    {
        Assert.Equal(expected, Validated(body).Title!.Mode);
    }

    [Theory]
    [InlineData("""{"trust": {"ownClient": true}}""")]
    [InlineData("""{"title": "  ", "trust": {"ownClient": true}}""")]
    public void ARuleMayLeaveTheTitleOut(string body)
    {
        var rule = Validated(body);

        Assert.Null(rule.Title);
        Assert.Equal("radiation", rule.Name);
        Assert.False(rule.HasIdentifyingCondition);
    }

    [Theory]
    [InlineData("02mhbdp94", "https://ror.org/02mhbdp94")]
    [InlineData("http://ror.org/02MHBDP94", "https://ror.org/02mhbdp94")]
    [InlineData(" 2729 ", "2729")]
    [InlineData("grid.9654.e", "grid.9654.e")]
    [InlineData("http://dx.doi.org/10.13039/501100001711", "http://dx.doi.org/10.13039/501100001711")]
    public void OrganisationIdsKeepRorNormalisedAndOthersAsGiven(string given, string stored)
    {
        var rule = new TrustRuleInput(null, null, null, new TrustInput(true), OrganisationId: given).Validated("r", 1, Now);

        Assert.Equal(stored, rule.OrganisationId);
    }

    [Fact]
    public void ALongTitleGivesAShortenedDefaultName()
    {
        var title = new string('x', 300);

        var rule = new TrustRuleInput(null, title, null, new TrustInput(true)).Validated("r", 1, Now);

        Assert.Equal(200, rule.Name.Length);
        Assert.EndsWith("…", rule.Name);
        Assert.Equal(title, rule.Title!.Values[0]);
    }

    [Theory]
    [InlineData("""{"title": "T"}""", "trust")]
    [InlineData("""{"title": "T", "trust": {}}""", "trust")]
    [InlineData("""{"title": "T", "trust": {"ownClient": false, "trustedClients": [], "anyMember": false, "selfAsserted": false}}""", "trust")]
    [InlineData("""{"title": "T", "trust": {"trustedClients": ["APP-123"]}}""", "trust.trustedClients")]
    [InlineData("""{"title": "T", "trust": {"trustedClients": ["tenant:X"]}}""", "trust.trustedClients")]
    [InlineData("""{"title": "T", "trust": {"trustedClients": ["Example University"]}}""", "trust.trustedClients")]
    [InlineData("""{"title": "T", "trust": {"trustedClients": [""]}}""", "trust.trustedClients")]
    [InlineData("""{"titleMatch": {"mode": "fuzzy", "values": ["T"]}, "trust": {"ownClient": true}}""", "titleMatch")]
    [InlineData("""{"titleMatch": {"mode": "exact", "values": []}, "trust": {"ownClient": true}}""", "titleMatch")]
    [InlineData("""{"titleMatch": {"mode": "exact", "values": ["A", "B"]}, "trust": {"ownClient": true}}""", "titleMatch")]
    [InlineData("""{"titleMatch": {"mode": "one-of", "values": ["A", " "]}, "trust": {"ownClient": true}}""", "titleMatch")]
    [InlineData("""{"titleMatch": {"mode": "pattern", "values": ["Laser (Safety"]}, "trust": {"ownClient": true}}""", "titleMatch")]
    [InlineData("""{"titleMatch": {"mode": "pattern", "values": ["A", "B"]}, "trust": {"ownClient": true}}""", "titleMatch")]
    [InlineData("""{"titleMatch": {"mode": "template", "values": ["Laser 2"]}, "trust": {"ownClient": true}}""", "titleMatch")]
    [InlineData("""{"name": " ", "title": "T", "trust": {"ownClient": true}, "organisationId": "https://ror.org/not-a-ror"}""", "organisationId")]
    [InlineData("""{"title": "T", "trust": {"ownClient": true}, "organisationId": "0abcdel12"}""", "organisationId")]
    [InlineData("""{"title": "T", "trust": {"ownClient": true}, "externalIdType": "x"}""", "externalIdType")]
    [InlineData("""{"title": "T", "trust": {"ownClient": true}, "externalIdType": "other id"}""", "externalIdType")]
    [InlineData("""{"title": "T", "trust": {"ownClient": true}, "externalIdValue": "cert-("}""", "externalIdValue")]
    [InlineData("""{"title": "T", "trust": {"ownClient": true}, "validity": {"issuedWithinMonths": 0}}""", "validity.issuedWithinMonths")]
    [InlineData("""{"title": "T", "trust": {"ownClient": true}, "validity": {"issuedWithinMonths": 1201}}""", "validity.issuedWithinMonths")]
    [InlineData("""{"title": "T", "trust": {"ownClient": true}, "combine": "some"}""", "combine")]
    public void AMalformedFieldIsNamedAsInTheJson(string body, string field)
    {
        var invalid = Assert.Throws<InvalidFieldException>(() => Validated(body));

        Assert.Equal(field, invalid.Field);
    }

    [Fact]
    public void ARuleThatTrustsNobodySaysSo()
    {
        var invalid = Assert.Throws<InvalidFieldException>(() => Validated("""{"title": "T", "trust": {"ownClient": false}}"""));

        Assert.Equal("trust", invalid.Field);
        Assert.Contains("trusts nobody", invalid.Message);
    }

    [Fact]
    public void ABadPatternSaysWhatIsWrongWithIt()
    {
        var invalid = Assert.Throws<InvalidFieldException>(() => Validated("""{"titleMatch": {"mode": "pattern", "values": ["Laser [Safety"]}, "trust": {"ownClient": true}}"""));

        Assert.StartsWith("The title pattern is not a valid regular expression:", invalid.Message);
        Assert.Contains("Laser [Safety", invalid.Message);
    }

    [Fact]
    public void TooManyTitlesOrTooLongATitleIsRefused()
    {
        var tooMany = new TitleMatchInput("one-of", Enumerable.Range(1, 51).Select(n => $"Title {n}").ToList());
        var tooLong = new TitleMatchInput("exact", [new string('x', 1001)]);

        Assert.Equal("titleMatch", Assert.Throws<InvalidFieldException>(() => new TrustRuleInput(null, null, tooMany, new TrustInput(true)).Validated("r", 1, Now)).Field);
        Assert.Equal("titleMatch", Assert.Throws<InvalidFieldException>(() => new TrustRuleInput(null, null, tooLong, new TrustInput(true)).Validated("r", 1, Now)).Field);
        Assert.Equal("title", Assert.Throws<InvalidFieldException>(() => new TrustRuleInput(null, new string('x', 1001), null, new TrustInput(true)).Validated("r", 1, Now)).Field);
        Assert.Equal("name", Assert.Throws<InvalidFieldException>(() => new TrustRuleInput(new string('x', 201), "T", null, new TrustInput(true)).Validated("r", 1, Now)).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Radiation")]
    [InlineData("-radiation")]
    [InlineData("radiation rule")]
    public void AMalformedIdIsNamed(string id)
    {
        var invalid = Assert.Throws<InvalidFieldException>(() => new TrustRuleInput(null, "T", null, new TrustInput(true)).Validated(id, 1, Now));

        Assert.Equal("id", invalid.Field);
    }

    private static TrustRule Validated(string body) =>
        JsonSerializer.Deserialize<TrustRuleInput>(body, JsonSerializerOptions.Web)!.Validated("radiation", 1, Now);
}
