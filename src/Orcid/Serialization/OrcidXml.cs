using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Consortium.Orcid.Model;

namespace Consortium.Orcid.Serialization;

/// <summary>ORCID's XML (<c>application/vnd.orcid+xml</c>), read with LINQ to XML and written in the
/// element order of <c>common:affiliation</c> so the output validates against ORCID's XSDs.</summary>
public static class OrcidXml
{
    static readonly XNamespace Common = "http://www.orcid.org/ns/common";
    static readonly XNamespace QualificationNs = "http://www.orcid.org/ns/qualification";
    static readonly XNamespace Activities = "http://www.orcid.org/ns/activities";
    static readonly XNamespace ErrorNs = "http://www.orcid.org/ns/error";

    /// <summary>Reads any affiliation element (qualification, employment, or their summaries): they share one schema type.</summary>
    public static Qualification ReadQualification(XElement element) => new()
    {
        PutCode = (long?)element.Attribute("put-code"),
        Visibility = ParseVisibility((string?)element.Attribute("visibility")),
        Path = (string?)element.Attribute("path"),
        CreatedDate = ReadTimestamp(element.Element(Common + "created-date")),
        LastModifiedDate = ReadTimestamp(element.Element(Common + "last-modified-date")),
        Source = element.Element(Common + "source") is { } source ? ReadSource(source) : null,
        DepartmentName = Text(element, "department-name"),
        RoleTitle = Text(element, "role-title"),
        StartDate = ReadPartialDate(element.Element(Common + "start-date")),
        EndDate = ReadPartialDate(element.Element(Common + "end-date")),
        Organization = element.Element(Common + "organization") is { } organization ? ReadOrganization(organization) : null,
        Url = Text(element, "url"),
        ExternalIds = ReadExternalIds(element),
    };

    /// <summary>Reads <c>activities:qualifications</c>, alone or inside an <c>activities:activities-summary</c>.</summary>
    public static QualificationsSummary ReadQualificationsSummary(XElement element)
    {
        var qualifications = element.Name == Activities + "qualifications"
            ? element
            : element.Element(Activities + "qualifications")
              ?? throw new FormatException($"<{element.Name.LocalName}> holds no activities:qualifications.");
        return new QualificationsSummary
        {
            Path = (string?)qualifications.Attribute("path"),
            LastModifiedDate = ReadTimestamp(qualifications.Element(Common + "last-modified-date")),
            AffiliationGroup = qualifications.Elements(Activities + "affiliation-group").Select(group => new AffiliationGroup
            {
                LastModifiedDate = ReadTimestamp(group.Element(Common + "last-modified-date")),
                ExternalIds = ReadExternalIds(group),
                Summaries = group.Elements(QualificationNs + "qualification-summary").Select(ReadQualification).ToList(),
            }).ToList(),
        };
    }

    public static OrcidError ReadError(XElement element) => new()
    {
        ResponseCode = (int?)element.Element(ErrorNs + "response-code") ?? 0,
        DeveloperMessage = (string?)element.Element(ErrorNs + "developer-message"),
        UserMessage = (string?)element.Element(ErrorNs + "user-message"),
        ErrorCode = (int?)element.Element(ErrorNs + "error-code"),
        MoreInfo = (string?)element.Element(ErrorNs + "more-info"),
    };

    public static XDocument WriteQualification(Qualification qualification)
    {
        var root = WriteAffiliation(QualificationNs + "qualification", qualification);
        root.Add(new XAttribute(XNamespace.Xmlns + "qualification", QualificationNs), new XAttribute(XNamespace.Xmlns + "common", Common));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    /// <summary>Writes <c>activities:qualifications</c>, the answer to <c>GET /{orcid}/qualifications</c>.</summary>
    public static XDocument WriteQualificationsSummary(QualificationsSummary summary) => new(new XDeclaration("1.0", "UTF-8", null),
        new XElement(Activities + "qualifications",
            new XAttribute(XNamespace.Xmlns + "activities", Activities),
            new XAttribute(XNamespace.Xmlns + "qualification", QualificationNs),
            new XAttribute(XNamespace.Xmlns + "common", Common),
            Optional("path", summary.Path),
            summary.LastModifiedDate is { } modified ? new XElement(Common + "last-modified-date", XmlConvert.ToString(modified)) : null,
            summary.AffiliationGroup.Select(group => new XElement(Activities + "affiliation-group",
                group.LastModifiedDate is { } groupModified ? new XElement(Common + "last-modified-date", XmlConvert.ToString(groupModified)) : null,
                WriteExternalIds(group.ExternalIds),
                group.Summaries.Select(item => WriteAffiliation(QualificationNs + "qualification-summary", item))))));

    /// <summary>Writes <c>error:error</c> (ORCID/orcid-model src/main/resources/record_3.0/error-3.0.xsd).</summary>
    public static XDocument WriteError(OrcidError error) => new(new XDeclaration("1.0", "UTF-8", null),
        new XElement(ErrorNs + "error",
            new XAttribute(XNamespace.Xmlns + "error", ErrorNs),
            new XElement(ErrorNs + "response-code", error.ResponseCode),
            new XElement(ErrorNs + "developer-message", error.DeveloperMessage ?? ""),
            error.UserMessage is null ? null : new XElement(ErrorNs + "user-message", error.UserMessage),
            error.ErrorCode is null ? null : new XElement(ErrorNs + "error-code", error.ErrorCode),
            error.MoreInfo is null ? null : new XElement(ErrorNs + "more-info", error.MoreInfo)));

    // common:affiliation and common:affiliation-summary share their content, in this order.
    static XElement WriteAffiliation(XName name, Qualification qualification) =>
        new(name,
            Optional("put-code", qualification.PutCode),
            Optional("visibility", qualification.Visibility is { } v ? FormatVisibility(v) : null),
            Optional("path", qualification.Path),
            qualification.CreatedDate is { } created ? new XElement(Common + "created-date", XmlConvert.ToString(created)) : null,
            qualification.LastModifiedDate is { } modified ? new XElement(Common + "last-modified-date", XmlConvert.ToString(modified)) : null,
            qualification.Source is { } source ? WriteSource(source) : null,
            OptionalElement("department-name", qualification.DepartmentName),
            OptionalElement("role-title", qualification.RoleTitle),
            WritePartialDate("start-date", qualification.StartDate),
            WritePartialDate("end-date", qualification.EndDate),
            qualification.Organization is { } organization ? WriteOrganization(organization) : null,
            OptionalElement("url", qualification.Url),
            qualification.ExternalIds.Count > 0 ? WriteExternalIds(qualification.ExternalIds) : null);

    static string? Text(XElement parent, string name) => ((string?)parent.Element(Common + name))?.Trim() is { Length: > 0 } text ? text : null;

    static DateTimeOffset? ReadTimestamp(XElement? element) =>
        element is null ? null : XmlConvert.ToDateTimeOffset(element.Value.Trim());

    static PartialDate? ReadPartialDate(XElement? element) => element is null
        ? null
        : new PartialDate(
            int.Parse(element.Element(Common + "year")!.Value.Trim(), CultureInfo.InvariantCulture),
            (int?)element.Element(Common + "month"),
            (int?)element.Element(Common + "day"));

    static OrcidIdentifier? ReadIdentifier(XElement? element) => element is null
        ? null
        : new OrcidIdentifier(Text(element, "uri"), Text(element, "path"), Text(element, "host"));

    static Source ReadSource(XElement source) => new()
    {
        SourceOrcid = ReadIdentifier(source.Element(Common + "source-orcid")),
        SourceClientId = ReadIdentifier(source.Element(Common + "source-client-id")),
        SourceName = Text(source, "source-name"),
        AssertionOriginOrcid = ReadIdentifier(source.Element(Common + "assertion-origin-orcid")),
        AssertionOriginClientId = ReadIdentifier(source.Element(Common + "assertion-origin-client-id")),
        AssertionOriginName = Text(source, "assertion-origin-name"),
    };

    static Organization ReadOrganization(XElement organization)
    {
        var address = organization.Element(Common + "address");
        var disambiguated = organization.Element(Common + "disambiguated-organization");
        return new Organization
        {
            Name = Text(organization, "name") ?? "",
            Address = new OrganizationAddress(
                address is null ? null : Text(address, "city"),
                address is null ? null : Text(address, "region"),
                address is null ? null : Text(address, "country")),
            DisambiguatedOrganization = disambiguated is null
                ? null
                : new DisambiguatedOrganization(
                    Text(disambiguated, "disambiguated-organization-identifier") ?? "",
                    Text(disambiguated, "disambiguation-source") ?? ""),
        };
    }

    static IReadOnlyList<ExternalId> ReadExternalIds(XElement parent) =>
        parent.Element(Common + "external-ids")?.Elements(Common + "external-id").Select(id => new ExternalId
        {
            ExternalIdType = Text(id, "external-id-type") ?? "",
            ExternalIdValue = Text(id, "external-id-value") ?? "",
            ExternalIdUrl = Text(id, "external-id-url"),
            ExternalIdRelationship = Text(id, "external-id-relationship"),
        }).ToList() ?? [];

    static XAttribute? Optional(string name, object? value) => value is null ? null : new XAttribute(name, value);

    static XElement? OptionalElement(string name, string? value) => value is null ? null : new XElement(Common + name, value);

    static XElement? WritePartialDate(string name, PartialDate? date) => date is null
        ? null
        : new XElement(Common + name,
            new XElement(Common + "year", date.Year.ToString("D4", CultureInfo.InvariantCulture)),
            date.Month is { } month ? new XElement(Common + "month", month.ToString("D2", CultureInfo.InvariantCulture)) : null,
            date.Day is { } day ? new XElement(Common + "day", day.ToString("D2", CultureInfo.InvariantCulture)) : null);

    static XElement? WriteIdentifier(string name, OrcidIdentifier? identifier) => identifier is null
        ? null
        : new XElement(Common + name,
            OptionalElement("uri", identifier.Uri),
            OptionalElement("path", identifier.Path),
            OptionalElement("host", identifier.Host));

    static XElement WriteSource(Source source) => new(Common + "source",
        WriteIdentifier("source-orcid", source.SourceOrcid),
        WriteIdentifier("source-client-id", source.SourceClientId),
        OptionalElement("source-name", source.SourceName),
        WriteIdentifier("assertion-origin-orcid", source.AssertionOriginOrcid),
        WriteIdentifier("assertion-origin-client-id", source.AssertionOriginClientId),
        OptionalElement("assertion-origin-name", source.AssertionOriginName));

    static XElement WriteOrganization(Organization organization) => new(Common + "organization",
        new XElement(Common + "name", organization.Name),
        new XElement(Common + "address",
            OptionalElement("city", organization.Address.City),
            OptionalElement("region", organization.Address.Region),
            OptionalElement("country", organization.Address.Country)),
        organization.DisambiguatedOrganization is { } disambiguated
            ? new XElement(Common + "disambiguated-organization",
                new XElement(Common + "disambiguated-organization-identifier", disambiguated.DisambiguatedOrganizationIdentifier),
                new XElement(Common + "disambiguation-source", disambiguated.DisambiguationSource))
            : null);

    static XElement WriteExternalIds(IEnumerable<ExternalId> ids) => new(Common + "external-ids",
        ids.Select(id => new XElement(Common + "external-id",
            new XElement(Common + "external-id-type", id.ExternalIdType),
            new XElement(Common + "external-id-value", id.ExternalIdValue),
            OptionalElement("external-id-url", id.ExternalIdUrl),
            OptionalElement("external-id-relationship", id.ExternalIdRelationship))));

    static Visibility? ParseVisibility(string? text) => text switch
    {
        null => null,
        "public" => Visibility.Public,
        "limited" => Visibility.Limited,
        "registered-only" => Visibility.RegisteredOnly,
        "private" => Visibility.Private,
        _ => throw new FormatException($"'{text}' is not an ORCID visibility (public, limited, registered-only, private)."),
    };

    static string FormatVisibility(Visibility visibility) => visibility switch
    {
        Visibility.RegisteredOnly => "registered-only",
        _ => visibility.ToString().ToLowerInvariant(),
    };
}
