using System.Text.Json;
using Consortium.Grains.Trust;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;
using static Consortium.Grains.Tests.Trust.RecordItems;
using static Consortium.Grains.Tests.Trust.TrustRules;

namespace Consortium.Grains.Tests.Trust;

/// <summary>Whose qualifications count, what the verdict says, and the evidence it gives.</summary>
public sealed class TrustEvaluatorTests
{
    [Fact]
    public void OwnClientQualificationWithTheTitleAllows()
    {
        var verdict = TrustEvaluator.Evaluate(Rule(), Context(), [FromOwnClient(putCode: 123)]);

        Assert.Equal(Decision.Allow, verdict.Decision);
        Assert.Equal("Allowed: \"Radiation Safety\" (put-code 123), written by this organisation, meets the rule.", verdict.Reason);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.True(evidence.Matched);
        Assert.Equal(SourceKind.OwnClient, evidence.SourceKind);
        Assert.Equal(
            [
                "Written by this organisation, which this rule trusts.",
                "Titled \"Radiation Safety\".",
                "Started 2025-03-01.",
                "Has no end date, so it does not expire.",
            ],
            evidence.Reasons);
    }

    [Fact]
    public void TrustedClientCountsEvenWhenTheRuleDoesNotTrustAnyMember()
    {
        var rule = Rule(new TrustInput(OwnClient: false, TrustedClients: [PartnerClientId], AnyMember: false));

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [FromPartner(putCode: 7)]);

        Assert.Equal(Decision.Allow, verdict.Decision);
        Assert.Equal("Allowed: \"Radiation Safety\" (put-code 7), written by Partner Institute (APP-PARTNER000000001), meets the rule.", verdict.Reason);
        Assert.Equal(SourceKind.TrustedMember, Assert.Single(verdict.Evidence).SourceKind);
    }

    [Fact]
    public void OwnClientIsNotTrustedWhenTheRuleOnlyNamesOtherClients()
    {
        var rule = Rule(new TrustInput(OwnClient: false, TrustedClients: [PartnerClientId]));

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient()]);

        Assert.Equal(Decision.Deny, verdict.Decision);
        Assert.Equal("Written by this organisation, which this rule does not trust.", Assert.Single(Assert.Single(verdict.Evidence).Reasons));
    }

    [Theory]
    [InlineData(false, Decision.Deny)]
    [InlineData(true, Decision.Allow)]
    public void OtherMemberCountsOnlyWhenTheRuleTrustsAnyMember(bool anyMember, Decision expected)
    {
        var rule = Rule(new TrustInput(OwnClient: true, AnyMember: anyMember));

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [FromOtherMember()]);

        Assert.Equal(expected, verdict.Decision);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal(SourceKind.OtherMember, evidence.SourceKind);
        Assert.Equal(anyMember
            ? "Written by Other University (APP-OTHER00000000002), which this rule trusts."
            : "Written by Other University (APP-OTHER00000000002), which this rule does not trust.", evidence.Reasons[0]);
    }

    [Fact]
    public void AnyMemberIncludesTheOwnClient()
    {
        var rule = Rule(new TrustInput(OwnClient: false, AnyMember: true));

        Assert.Equal(Decision.Allow, TrustEvaluator.Evaluate(rule, Context(), [FromOwnClient()]).Decision);
    }

    [Theory]
    [InlineData(false, Decision.Deny)]
    [InlineData(true, Decision.Allow)]
    public void SelfAssertedCountsOnlyWhenTheRuleTrustsTheResearcher(bool selfAsserted, Decision expected)
    {
        var rule = Rule(new TrustInput(OwnClient: true, AnyMember: true, SelfAsserted: selfAsserted));

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [SelfAsserted()]);

        Assert.Equal(expected, verdict.Decision);
        Assert.Equal(SourceKind.SelfAsserted, Assert.Single(verdict.Evidence).SourceKind);
    }

    [Fact]
    public void AnItemByAnotherPersonWithoutAClientIsNeverTrusted()
    {
        var rule = Rule(new TrustInput(OwnClient: true, AnyMember: true, SelfAsserted: true));
        var byAnotherPerson = SelfAsserted() with
        {
            Source = new Source { SourceOrcid = new OrcidIdentifier(null, "0000-0001-5109-3700", null), SourceName = "Someone Else" },
        };

        var verdict = TrustEvaluator.Evaluate(rule, Context(), [byAnotherPerson]);

        Assert.Equal(Decision.Deny, verdict.Decision);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal(SourceKind.Unknown, evidence.SourceKind);
        Assert.Equal("Written by Someone Else, neither a client nor the researcher, which this rule does not trust.", Assert.Single(evidence.Reasons));
    }

    [Fact]
    public void DenialTalliesWhyEachQualificationFailedAndEvidenceKeepsRecordOrder()
    {
        var untrusted = FromOtherMember(putCode: 1);
        var expired = FromOwnClient(putCode: 2) with { EndDate = Date(2026, 1) };
        var otherTitle = FromOwnClient(putCode: 3, title: "Fire Warden");

        var verdict = TrustEvaluator.Evaluate(Rule(), Context(), [untrusted, expired, otherTitle]);

        Assert.Equal(Decision.Deny, verdict.Decision);
        Assert.Equal("Denied: none of the 3 qualifications on the record meets the rule (1 from an untrusted source, 1 with another title, 1 expired).", verdict.Reason);
        Assert.Equal([1L, 2L, 3L], verdict.Evidence.Select(e => e.PutCode!.Value));
        Assert.All(verdict.Evidence, e => Assert.False(e.Matched));
        Assert.Equal(["Written by Other University (APP-OTHER00000000002), which this rule does not trust."], verdict.Evidence[0].Reasons);
        Assert.Equal(["Expired: it ended 2026-01."], verdict.Evidence[1].Reasons);
        Assert.Equal(["Titled \"Fire Warden\", not \"Radiation Safety\"."], verdict.Evidence[2].Reasons);
    }

    [Fact]
    public void AnUntrustedItemStillReportsItsOtherFailures()
    {
        var untrustedAndExpired = FromOtherMember() with { EndDate = Date(2025) };

        var evidence = Assert.Single(TrustEvaluator.Evaluate(Rule(), Context(), [untrustedAndExpired]).Evidence);

        Assert.Equal(
            ["Written by Other University (APP-OTHER00000000002), which this rule does not trust.", "Expired: it ended 2025."],
            evidence.Reasons);
    }

    [Fact]
    public void OneFailingQualificationIsNamedAsTheOnlyOne()
    {
        var verdict = TrustEvaluator.Evaluate(Rule(), Context(), [FromOtherMember()]);

        Assert.Equal("Denied: the only qualification on the record does not meet the rule (from an untrusted source).", verdict.Reason);
    }

    [Fact]
    public void AnEmptyRecordIsDenied()
    {
        var verdict = TrustEvaluator.Evaluate(Rule(), Context(), []);

        Assert.Equal(Decision.Deny, verdict.Decision);
        Assert.Equal("Denied: the record has no qualifications.", verdict.Reason);
        Assert.Empty(verdict.Evidence);
    }

    [Fact]
    public void AllowNamesTheFirstMatchAndCountsTheOthers()
    {
        var verdict = TrustEvaluator.Evaluate(Rule(), Context(), [FromOtherMember(putCode: 1), FromOwnClient(putCode: 2), FromOwnClient(putCode: 3), FromOwnClient(putCode: 4)]);

        Assert.Equal("Allowed: \"Radiation Safety\" (put-code 2), written by this organisation, meets the rule, as do 2 others.", verdict.Reason);
        Assert.Equal([false, true, true, true], verdict.Evidence.Select(e => e.Matched));
    }

    [Fact]
    public void EvidenceDescribesTheQualificationAsOrcidHasIt()
    {
        var item = FromPartner(putCode: 55) with
        {
            StartDate = Date(2024, 3),
            EndDate = Date(2027),
            Organization = Organisation("Partner Institute", "2729", "RINGGOLD"),
        };

        var evidence = Assert.Single(TrustEvaluator.Evaluate(Rule(), Context(), [item]).Evidence);

        Assert.Equal(
            new { PutCode = (long?)55, Title = (string?)"Radiation Safety", Organisation = (string?)"Partner Institute", OrganisationId = (string?)"2729",
                StartDate = (string?)"2024-03", EndDate = (string?)"2027", SourceKind = SourceKind.TrustedMember, SourceName = (string?)"Partner Institute",
                SourceClientId = (string?)PartnerClientId },
            new { evidence.PutCode, evidence.Title, evidence.Organisation, evidence.OrganisationId, evidence.StartDate, evidence.EndDate,
                evidence.SourceKind, evidence.SourceName, evidence.SourceClientId });
    }

    [Fact]
    public void TheRecordsOwnIdIsComparedWhateverTheCaseOfItsCheckDigit()
    {
        var context = new EvaluationContext("0000-0002-1694-233X", null, new HashSet<string>(), new Dictionary<string, string>(), Today);
        var item = SelfAsserted() with { Source = new Source { SourceOrcid = new OrcidIdentifier(null, "0000-0002-1694-233x", null) } };

        var evidence = Assert.Single(TrustEvaluator.Evaluate(Rule(new TrustInput(OwnClient: false, SelfAsserted: true)), context, [item]).Evidence);

        Assert.Equal(SourceKind.SelfAsserted, evidence.SourceKind);
    }

    [Fact]
    public void QualificationsAsTheMemberApiReturnsThemAreEvaluated()
    {
        const string json = """
            {"last-modified-date": {"value": 1767225600000},
             "affiliation-group": [
              {"external-ids": {"external-id": []},
               "summaries": [{"qualification-summary": {
                 "put-code": 123, "role-title": "Laser Safety Level 2", "department-name": "Radiation Protection Office",
                 "start-date": {"year": {"value": "2025"}, "month": {"value": "03"}, "day": null},
                 "end-date": {"year": {"value": "2027"}, "month": {"value": "03"}, "day": null},
                 "organization": {"name": "Example University", "address": {"city": "Auckland", "country": "NZ"},
                   "disambiguated-organization": {"disambiguated-organization-identifier": "https://ror.org/02mhbdp94", "disambiguation-source": "ROR"}},
                 "external-ids": {"external-id": [{"external-id-type": "other-id", "external-id-value": "cert-0001", "external-id-relationship": "self"}]},
                 "visibility": "public", "created-date": {"value": 1740873600000}, "last-modified-date": {"value": 1740873600000},
                 "source": {"source-orcid": null,
                   "source-client-id": {"uri": "https://sandbox.orcid.org/client/APP-OWNCLIENT0000001", "path": "APP-OWNCLIENT0000001", "host": "sandbox.orcid.org"},
                   "source-name": {"value": "Example University"},
                   "assertion-origin-orcid": null, "assertion-origin-client-id": null, "assertion-origin-name": null},
                 "path": "/0000-0002-1825-0097/qualification/123"}}]},
              {"external-ids": {"external-id": []},
               "summaries": [{"qualification-summary": {
                 "put-code": 124, "role-title": "Laser Safety Level 2",
                 "organization": {"name": "Self", "address": {"city": "Auckland", "country": "NZ"}},
                 "source": {"source-orcid": {"uri": "https://sandbox.orcid.org/0000-0002-1825-0097", "path": "0000-0002-1825-0097", "host": "sandbox.orcid.org"},
                   "source-client-id": null, "source-name": {"value": "Josiah Carberry"}},
                 "path": "/0000-0002-1825-0097/qualification/124"}}]}],
             "path": "/0000-0002-1825-0097/qualifications"}
            """;
        var record = JsonSerializer.Deserialize<QualificationsSummary>(json, OrcidJson.Options)!;
        var rule = Rule(title: "Laser Safety Level 2", organisationId: "02mhbdp94", externalIdType: "other-id", externalIdValue: "cert-[0-9]{4}");

        var verdict = TrustEvaluator.Evaluate(rule, Context(), record.Qualifications);

        Assert.Equal(Decision.Allow, verdict.Decision);
        Assert.Equal("Allowed: \"Laser Safety Level 2\" (put-code 123), written by this organisation, meets the rule.", verdict.Reason);
        Assert.Equal([SourceKind.OwnClient, SourceKind.SelfAsserted], verdict.Evidence.Select(e => e.SourceKind));
        Assert.Equal(("2025-03", "2027-03"), (verdict.Evidence[0].StartDate, verdict.Evidence[0].EndDate));
        Assert.Equal(
            [
                "Written by this organisation, which this rule trusts.",
                "Titled \"Laser Safety Level 2\".",
                "From Example University (https://ror.org/02mhbdp94).",
                "Has the other-id external id \"cert-0001\".",
                "Started 2025-03.",
                "Has not expired: it ends 2027-03.",
            ],
            verdict.Evidence[0].Reasons);
    }
}
