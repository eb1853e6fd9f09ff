using System.Text.Json;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Tests.Model;

public sealed class JsonTests
{
    [Fact]
    public void QualificationRoundTripsThroughOrcidJson()
    {
        var stored = SampleQualifications.AsStored("cert-0001");

        var read = JsonSerializer.Deserialize<Qualification>(JsonSerializer.Serialize(stored, OrcidJson.Options), OrcidJson.Options)!;

        Assert.Equal(stored with { ExternalIds = [] }, read with { ExternalIds = [] });
        Assert.Equal(stored.ExternalIds, read.ExternalIds);
    }

    [Fact]
    public void QualificationIsWrittenWithOrcidNamesAndWrappers()
    {
        var json = JsonSerializer.SerializeToElement(SampleQualifications.AsStored("cert-0001"), OrcidJson.Options);

        Assert.Equal(12345, json.GetProperty("put-code").GetInt64());
        Assert.Equal("registered-only", JsonSerializer.SerializeToElement(Visibility.RegisteredOnly, OrcidJson.Options).GetString());
        Assert.Equal("public", json.GetProperty("visibility").GetString());
        Assert.Equal(1709285400000, json.GetProperty("created-date").GetProperty("value").GetInt64());
        Assert.Equal("03", json.GetProperty("end-date").GetProperty("month").GetProperty("value").GetString());
        Assert.False(json.GetProperty("end-date").TryGetProperty("day", out _));
        Assert.Equal("APP-ABCDEFGHIJ123456", json.GetProperty("source").GetProperty("source-client-id").GetProperty("path").GetString());
        Assert.Equal("Example University", json.GetProperty("source").GetProperty("source-name").GetProperty("value").GetString());
        Assert.Equal("cert-0001", json.GetProperty("external-ids").GetProperty("external-id")[0].GetProperty("external-id-value").GetString());
        Assert.Equal("self", json.GetProperty("external-ids").GetProperty("external-id")[0].GetProperty("external-id-relationship").GetString());
    }

    [Fact]
    public void SummaryInDesignShapeParses()
    {
        const string json = """
            {"last-modified-date": {"value": 1700000000000},
             "affiliation-group": [{"external-ids": {"external-id": []},
               "summaries": [{"qualification-summary": {
                 "put-code": 123, "role-title": "Laser Safety Level 2", "department-name": "Office",
                 "start-date": {"year": {"value": "2022"}, "month": null, "day": null}, "end-date": null, "url": {"value": "https://example.org/c/1"},
                 "organization": {"name": "Example University", "address": {"city": "Auckland", "country": "NZ"},
                   "disambiguated-organization": {"disambiguated-organization-identifier": "https://ror.org/03b94tp07", "disambiguation-source": "ROR"}},
                 "external-ids": {"external-id": []}, "visibility": "public",
                 "created-date": {"value": 1700000000000}, "last-modified-date": {"value": 1700000000000},
                 "source": {"source-orcid": null,
                   "source-client-id": {"uri": "https://sandbox.orcid.org/client/APP-ABCDEFGHIJ123456", "path": "APP-ABCDEFGHIJ123456", "host": "sandbox.orcid.org"},
                   "source-name": {"value": "Example University"},
                   "assertion-origin-orcid": null, "assertion-origin-client-id": null, "assertion-origin-name": null},
                 "path": "/0000-0002-1825-0097/qualification/123"}}]}],
             "path": "/0000-0002-1825-0097/qualifications"}
            """;

        var summary = JsonSerializer.Deserialize<QualificationsSummary>(json, OrcidJson.Options)!;

        var item = Assert.Single(summary.Qualifications);
        Assert.Equal(123, item.PutCode);
        Assert.Equal(new PartialDate(2022), item.StartDate);
        Assert.Null(item.EndDate);
        Assert.Equal("APP-ABCDEFGHIJ123456", item.Source?.SourceClientId?.Path);
        Assert.Null(item.Source?.SourceOrcid);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), summary.LastModifiedDate);
        Assert.Equal("/0000-0002-1825-0097/qualifications", summary.Path);
    }
}
