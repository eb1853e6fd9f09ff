using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Tests.Model;

public sealed class XmlSchemaTests
{
    static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    [Fact]
    public void WrittenQualificationValidatesAgainstOrcidSchema()
    {
        AssertValid(OrcidXml.WriteQualification(SampleQualifications.AsStored("cert-0001")));
    }

    [Fact]
    public void MinimalQualificationValidatesAgainstOrcidSchema()
    {
        AssertValid(OrcidXml.WriteQualification(SampleQualifications.LaserSafety("cert-0002") with { ExternalIds = [], Url = null, EndDate = null }));
    }

    [Theory]
    [InlineData("read/qualification-3.0.xml")]
    [InlineData("write/qualification-3.0.xml")]
    [InlineData("read/employment-3.0.xml")]
    public void XmlSamplesWrittenBackValidate(string file)
    {
        var qualification = OrcidXml.ReadQualification(XDocument.Parse(Fixtures.Read(file)).Root!);

        AssertValid(OrcidXml.WriteQualification(qualification));
    }

    [Theory]
    [InlineData("write/qualification-3.0.json")]
    [InlineData("write/employment-3.0.json")]
    public void JsonSamplesWrittenAsXmlValidate(string file)
    {
        var qualification = JsonSerializer.Deserialize<Qualification>(Fixtures.Read(file), OrcidJson.Options)!;

        AssertValid(OrcidXml.WriteQualification(qualification));
    }

    [Fact]
    public void WrittenXmlReadsBackEqual()
    {
        var stored = SampleQualifications.AsStored("cert-0003");

        var read = OrcidXml.ReadQualification(OrcidXml.WriteQualification(stored).Root!);

        Assert.Equal(stored with { ExternalIds = [] }, read with { ExternalIds = [] });
        Assert.Equal(stored.ExternalIds, read.ExternalIds);
    }

    [Fact]
    public void InvalidXmlIsCaughtByTheSchema()
    {
        var document = OrcidXml.WriteQualification(SampleQualifications.LaserSafety("cert-0004"));
        document.Root!.Add(new XElement(XName.Get("unknown", "http://www.orcid.org/ns/common")));

        var errors = Validate(document);

        Assert.Single(errors);
    }

    [Fact]
    public void WrittenErrorValidatesAgainstOrcidSchemaAndReadsBack()
    {
        var error = new OrcidError
        {
            ResponseCode = 400, DeveloperMessage = "400 Bad request: organization must be present and valid", UserMessage = "No valid organization is included in the data.",
            ErrorCode = 9046, MoreInfo = "https://members.orcid.org/api/resources/troubleshooting",
        };
        var document = OrcidXml.WriteError(error);

        AssertValid(document);
        Assert.Equal(error, OrcidXml.ReadError(document.Root!));
    }

    [Fact]
    public void WrittenSummaryReadsBackEqual()
    {
        var stored = SampleQualifications.AsStored("cert-0005");
        var summary = new QualificationsSummary
        {
            Path = "/0000-0002-1825-0097/qualifications",
            LastModifiedDate = stored.LastModifiedDate,
            AffiliationGroup = [new AffiliationGroup { LastModifiedDate = stored.LastModifiedDate, ExternalIds = stored.ExternalIds, Summaries = [stored] }],
        };

        var read = OrcidXml.ReadQualificationsSummary(OrcidXml.WriteQualificationsSummary(summary).Root!);

        Assert.Equal((summary.Path, summary.LastModifiedDate), (read.Path, read.LastModifiedDate));
        var group = Assert.Single(read.AffiliationGroup);
        Assert.Equal(stored.ExternalIds, group.ExternalIds);
        Assert.Equal(stored with { ExternalIds = [] }, Assert.Single(group.Summaries) with { ExternalIds = [] });
    }

    static void AssertValid(XDocument document) => Assert.Empty(Validate(document));

    static List<string> Validate(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(Schemas.Value, (_, e) => errors.Add(e.Message));
        return errors;
    }

    static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add("http://www.orcid.org/ns/qualification", Fixtures.PathOf("xsd/record_3.0/qualification-3.0.xsd"));
        set.Add("http://www.orcid.org/ns/error", Fixtures.PathOf("xsd/record_3.0/error-3.0.xsd"));
        set.Compile();
        return set;
    }
}
