using Consortium.Grains.Badges;
using Consortium.Grains.Common;
using Consortium.Grains.Trust;
using static Consortium.Grains.Tests.Trust.RecordItems;
using static Consortium.Grains.Tests.Trust.TrustRules;

namespace Consortium.Grains.Tests.Trust;

/// <summary>A rule accepts an Open Badge from the issuers it trusts, as well as or instead of ORCID items.</summary>
public sealed class BadgeTrustEvaluatorTests
{
    private const string Issuer = "https://portal.example.org/t/example-university/issuer";
    private const string Holder = "https://sandbox.orcid.org/0000-0002-1825-0097";

    private static TrustRule BadgesOnly(string? title = RadiationSafety) => Rule(new TrustInput(OwnClient: false, TrustedIssuers: [Issuer]), title);

    [Fact]
    public void AVerifiedBadgeFromATrustedIssuerWithTheTitleForItsHolderCounts()
    {
        var assessment = BadgeTrustEvaluator.Evaluate(BadgesOnly(), Context(), Badge(), Holder);

        Assert.True(assessment.Matched);
        Assert.Equal($"Issued by Example University ({Issuer}), which this rule trusts.", assessment.Reasons[0]);
    }

    [Fact]
    public void ABadgeFromAnotherIssuerWithAnotherTitleForAnotherIdOrUnverifiedDoesNotCount()
    {
        var otherIssuer = BadgeTrustEvaluator.Evaluate(BadgesOnly(), Context(), Badge(issuer: "https://badges.example.com/issuer"), Holder);
        var otherTitle = BadgeTrustEvaluator.Evaluate(BadgesOnly(), Context(), Badge(achievement: "Laser Safety"), Holder);
        var otherHolder = BadgeTrustEvaluator.Evaluate(BadgesOnly(), Context(), Badge(), "https://sandbox.orcid.org/0000-0001-5109-3700");
        var revoked = BadgeTrustEvaluator.Evaluate(BadgesOnly(), Context(), Badge() with { Decision = Decision.Deny, Reason = BadgeReason.Revoked }, Holder);
        var notAccepted = BadgeTrustEvaluator.Evaluate(Rule(), Context(), Badge(), Holder);

        Assert.Equal(["Issued by Example University (https://badges.example.com/issuer), which this rule does not trust."], otherIssuer.Reasons);
        Assert.Equal(["Titled \"Laser Safety\", not \"Radiation Safety\"."], otherTitle.Reasons);
        Assert.Equal([$"Awarded to {Holder}, not to https://sandbox.orcid.org/0000-0001-5109-3700."], otherHolder.Reasons);
        Assert.Equal(["The badge did not verify (revoked)."], revoked.Reasons);
        Assert.Equal(["This rule does not accept Open Badges."], notAccepted.Reasons);
        Assert.All([otherIssuer, otherTitle, otherHolder, revoked, notAccepted], a => Assert.False(a.Matched));
    }

    [Fact]
    public void ARuleMayTrustOnlyBadgesButNotNobodyAndIssuersMustBeUrls()
    {
        var rule = BadgesOnly();
        var nobody = Assert.Throws<InvalidFieldException>(() => Rule(new TrustInput(OwnClient: false, TrustedIssuers: [])));
        var notUrl = Assert.Throws<InvalidFieldException>(() => Rule(new TrustInput(OwnClient: false, TrustedIssuers: ["Example University"])));

        Assert.False(rule.Trust.TrustsOrcidItems);
        Assert.Equal([Issuer], rule.Trust.BadgeIssuers);
        Assert.StartsWith("Allow when the researcher shows a verified Open Badge issued by https://portal.example.org/t/example-university/issuer", rule.Summary);
        Assert.Equal("trust", nobody.Field);
        Assert.Equal("trust.trustedIssuers", notUrl.Field);
    }

    private static BadgeVerification Badge(string issuer = Issuer, string achievement = RadiationSafety) => new(
        Decision.Allow, BadgeReason.Valid,
        new BadgeFacts("https://portal.example.org/t/example-university/certificates/c1/credential", achievement, issuer, "Example University",
            Holder, "urn:consortium:example-university:achievement:radiation", achievement,
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), null, null),
        [], new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
}
