using System.Xml.Linq;
using System.Xml.Schema;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>
/// What ORCID checks of a body before its own rules: ORCID's XSD (lengths, blank text, required elements, year 1900-2100,
/// month 1-12, day 1-31) and the Java enums the XSD leaves as plain strings (country, relationship).
/// ORCID validates an XML body against the XSD while reading it (ORCID-Source
/// orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidValidationJaxbContextResolver.java), and a JSON body by
/// writing the object as XML and validating that (orcid-api-common/src/main/java/org/orcid/api/common/exception/JSONInputValidator.java,
/// called from orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidJacksonJaxbJsonProvider.java); the simulator
/// does the same with <see cref="OrcidXml"/> and the XSDs in <c>Schemas/</c> (copied from ORCID/orcid-model).
/// </summary>
public static class QualificationSchema
{
    static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    // ORCID/orcid-model src/main/java/org/orcid/jaxb/model/common/Iso3166Country.java (through Iso3166CountryAdapter).
    static readonly HashSet<string> Countries =
    [
        "AF", "AX", "AL", "DZ", "AS", "AD", "AO", "AI", "AQ", "AG", "AR", "AM", "AW", "AU", "AT", "AZ", "BS", "BH", "BD", "BB", "BY", "BE",
        "BZ", "BJ", "BM", "BT", "BO", "BQ", "BA", "BW", "BV", "BR", "IO", "BN", "BG", "BF", "BI", "KH", "CM", "CA", "CV", "KY", "CF", "TD",
        "CL", "CN", "CX", "CC", "CO", "KM", "CG", "CD", "CK", "CR", "CI", "HR", "CU", "CW", "CY", "CZ", "DK", "DJ", "DM", "DO", "EC", "EG",
        "SV", "GQ", "ER", "EE", "ET", "FK", "FO", "FJ", "FI", "FR", "GF", "PF", "TF", "GA", "GM", "GE", "DE", "GH", "GI", "GR", "GL", "GD",
        "GP", "GU", "GT", "GG", "GN", "GW", "GY", "HT", "HM", "VA", "HN", "HK", "HU", "IS", "IN", "ID", "IR", "IQ", "IE", "IM", "IL", "IT",
        "JM", "JP", "JE", "JO", "KZ", "KE", "KI", "KP", "KR", "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI", "LT", "LU", "MO", "MK",
        "MG", "MW", "MY", "MV", "ML", "MT", "MH", "MQ", "MR", "MU", "YT", "MX", "FM", "MD", "MC", "MN", "ME", "MS", "MA", "MZ", "MM", "NA",
        "NR", "NP", "NL", "NC", "NZ", "NI", "NE", "NG", "NU", "NF", "MP", "NO", "OM", "PK", "PW", "PS", "PA", "PG", "PY", "PE", "PH", "PN",
        "PL", "PT", "PR", "QA", "RE", "RO", "RU", "RW", "BL", "SH", "KN", "LC", "MF", "PM", "VC", "WS", "SM", "ST", "SA", "SN", "RS", "SC",
        "SL", "SG", "SX", "SK", "SI", "SB", "SO", "ZA", "GS", "SS", "ES", "LK", "SD", "SR", "SJ", "SZ", "SE", "CH", "SY", "TJ", "TZ", "TH",
        "TL", "TG", "TK", "TO", "TT", "TN", "TR", "TM", "TC", "TV", "UG", "UA", "AE", "GB", "US", "UM", "UY", "UZ", "VU", "VE", "VN", "VG",
        "VI", "WF", "EH", "YE", "ZM", "ZW", "TW", "XK",
    ];

    // ORCID/orcid-model src/main/java/org/orcid/jaxb/model/common/Relationship.java (through RelationshipAdapter).
    static readonly string[] Relationships = ["part-of", "self", "version-of", "funded-by"];

    /// <returns>Null when the qualification is valid by the schema; else what is wrong.</returns>
    public static string? Problem(Qualification qualification)
    {
        if (qualification.Organization?.Address.Country is { } country && !Countries.Contains(country))
        {
            return $"{country} is invalid for org.orcid.jaxb.model.common.Iso3166Country (an ISO 3166-1 alpha-2 code in upper case)";
        }
        if (qualification.ExternalIds.Select(id => id.ExternalIdRelationship).FirstOrDefault(r => r is not null && !Relationships.Contains(r)) is { } relationship)
        {
            return $"{relationship} is invalid for org.orcid.jaxb.model.common.Relationship ({string.Join(", ", Relationships)})";
        }
        return Problem(OrcidXml.WriteQualification(qualification));
    }

    /// <returns>Null when the document is a valid <c>qualification:qualification</c>; else the schema's first complaint.</returns>
    public static string? Problem(XDocument document)
    {
        string? problem = null;
        document.Validate(Schemas.Value, (_, e) => problem ??= e.Message);
        return problem;
    }

    static XmlSchemaSet Load()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Schemas");
        var set = new XmlSchemaSet { XmlResolver = new System.Xml.XmlUrlResolver() };
        set.Add("http://www.orcid.org/ns/qualification", Path.Combine(directory, "record_3.0", "qualification-3.0.xsd"));
        set.Compile();
        return set;
    }
}
