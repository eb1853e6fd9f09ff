using System.Text.Json;
using System.Xml.Linq;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Tests.Model;

public sealed class FixtureTests
{
    public static TheoryData<string> XmlSamples => Fixtures.Samples("xml");
    public static TheoryData<string> JsonSamples => Fixtures.Samples("json");

    [Theory]
    [MemberData(nameof(XmlSamples))]
    public void EveryXmlSampleParses(string file)
    {
        var root = XDocument.Parse(Fixtures.Read(file)).Root!;

        switch (root.Name.LocalName)
        {
            case "error":
                Assert.Equal("error:developer-message", OrcidXml.ReadError(root).DeveloperMessage);
                break;
            case "qualifications" or "activities-summary":
                var expected = file.Contains("activities") ? 1 : 2;
                Assert.Equal(expected, OrcidXml.ReadQualificationsSummary(root).Qualifications.Count());
                break;
            default:
                Assert.Equal("common:name", OrcidXml.ReadQualification(root).Organization?.Name);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(JsonSamples))]
    public void EveryJsonSampleParses(string file)
    {
        var qualification = JsonSerializer.Deserialize<Qualification>(Fixtures.Read(file), OrcidJson.Options)!;

        Assert.Equal("ROR", qualification.Organization?.DisambiguatedOrganization?.DisambiguationSource);
        Assert.NotEmpty(qualification.ExternalIds);
    }

    [Fact]
    public void QualificationXmlSampleReadsEveryField()
    {
        var qualification = OrcidXml.ReadQualification(XDocument.Parse(Fixtures.Read("read/qualification-3.0.xml")).Root!);

        Assert.Equal(0, qualification.PutCode);
        Assert.Equal(Visibility.Private, qualification.Visibility);
        Assert.Equal(new DateTime(2001, 12, 31, 12, 0, 0), qualification.CreatedDate?.DateTime);
        Assert.Equal(new OrcidIdentifier("https://orcid.org/8888-8888-8888-8880", "8888-8888-8888-8880", "orcid.org"), qualification.Source?.SourceOrcid);
        Assert.Null(qualification.Source?.SourceName);
        Assert.Equal("department-name", qualification.DepartmentName);
        Assert.Equal("role-title", qualification.RoleTitle);
        Assert.Equal(new PartialDate(1948, 2, 2), qualification.StartDate);
        Assert.Equal(new PartialDate(1948, 2, 2), qualification.EndDate);
        Assert.Equal(new OrganizationAddress("common:city", "common:region", "AF"), qualification.Organization?.Address);
        Assert.Equal(new DisambiguatedOrganization("https://ror.org/021nxhr62", "ROR"), qualification.Organization?.DisambiguatedOrganization);
        Assert.Equal("http://tempuri.org", qualification.Url);
        Assert.Equal(["external-identifier-value", "external-identifier-value2"], qualification.SelfExternalIds.Select(id => id.ExternalIdValue));
    }

    [Fact]
    public void QualificationsSummaryXmlSampleReadsItsGroups()
    {
        var summary = OrcidXml.ReadQualificationsSummary(XDocument.Parse(Fixtures.Read("read/qualifications-3.0.xml")).Root!);

        Assert.Equal(2, summary.AffiliationGroup.Count);
        Assert.Equal(["external-id-value", "external-id-value2"], summary.AffiliationGroup.Select(g => g.ExternalIds.Single().ExternalIdValue));
        Assert.All(summary.Qualifications, q => Assert.Equal("User One Credit name", q.Source?.SourceName));
    }

    [Fact]
    public void QualificationJsonSampleReadsEveryField()
    {
        var qualification = JsonSerializer.Deserialize<Qualification>(Fixtures.Read("write/qualification-3.0.json"), OrcidJson.Options)!;

        Assert.Equal("Systems Engineering & Engineering", qualification.DepartmentName);
        Assert.Equal(new PartialDate(2022, 1, 2), qualification.StartDate);
        Assert.Equal(new OrganizationAddress("Washington", "D.C", "US"), qualification.Organization?.Address);
        Assert.Equal("http://tempuri.org", qualification.Url);
        Assert.Equal(
            [("other-id", "external-identifier-value", "http://tempuri.org", "self"), ("grant_number", "external-identifier-value2", "http://tempuri.org/2", "part-of")],
            qualification.ExternalIds.Select(id => (id.ExternalIdType, id.ExternalIdValue, id.ExternalIdUrl, id.ExternalIdRelationship)));
    }
}
