using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>How ORCID checks a qualification it is asked to create, as of 2025: its own rules, its schema, and the
/// organisations it knows. Each row changes one thing of a valid qualification.</summary>
public sealed class ValidationRows : IConformanceRows
{
    const string Validator = "orcid-core/src/main/java/org/orcid/core/manager/v3/validator/ActivityValidator.java";
    const string Mapper = "orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java";
    const string ProfessionalActivity = Validator + " (validateDisambiguatedOrgAndExternalIdentifiersForProfessionalActivities); " + Mapper;
    const string FuzzyDate = Validator + " (validateFuzzyDate; validateAffiliation with orcid-core/src/main/java/org/orcid/core/utils/v3/FuzzyDateUtils.java); " + Mapper;
    const string Organisations = "orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrgManagerImpl.java (getOrgEntity: findBySourceIdAndSourceType); " + Mapper + " (InvalidDisambiguatedOrgException → 400/9045)";
    const string Schema = "orcid-api-common/src/main/java/org/orcid/api/common/exception/JSONInputValidator.java against ORCID/orcid-model " +
        "src/main/resources/common_3.0/common-3.0.xsd; orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidJacksonJaxbJsonProvider.java; " + Mapper + " (InvalidJSONException → 400/9047)";
    const string Enums = "ORCID/orcid-model src/main/java/org/orcid/jaxb/model/common/adapters (Iso3166CountryAdapter, RelationshipAdapter), read by " +
        "orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidJacksonJaxbJsonProvider.java; " + Mapper + " (InvalidJSONException → 400/9047)";
    const string Duplicates = Validator + " (checkExternalIdentifiersForDuplicates, areRelationshipsSameAndSelf); " + Mapper + " (OrcidDuplicatedActivityException → 409/9021)";

    public IEnumerable<ConformanceRow> Rows =>
    [
        new("validation: a put-code in a create body is refused", Validator + " (validateAffiliation: InvalidPutCodeException); " + Mapper,
            context => CreateAsync(context, q => q["put-code"] = 12345), HttpStatusCode.BadRequest, 9024),
        new("validation: no organization is refused", Validator + " (InvalidOrgException); " + Mapper,
            context => CreateAsync(context, q => q.Remove("organization")), HttpStatusCode.BadRequest, 9046),
        new("validation: neither an organization id nor an external id is refused", ProfessionalActivity,
            context => CreateAsync(context, q =>
            {
                Organization(q).Remove("disambiguated-organization");
                q.Remove("external-ids");
            }), HttpStatusCode.BadRequest, 9062),
        new("validation: an activity external id stands in for the organization id", ProfessionalActivity,
            context => CreateAsync(context, q => Organization(q).Remove("disambiguated-organization")), HttpStatusCode.Created),
        new("validation: a city without a country is refused", ProfessionalActivity + " (InvalidOrgAddressNoCountryButCityRegionException)",
            context => CreateAsync(context, q => Organization(q)["address"] = new JsonObject { ["city"] = "Auckland" }), HttpStatusCode.BadRequest, 9061),
        new("validation: a region without a country is refused", ProfessionalActivity + " (InvalidOrgAddressNoCountryButCityRegionException)",
            context => CreateAsync(context, q => Organization(q)["address"] = new JsonObject { ["region"] = "Auckland" }), HttpStatusCode.BadRequest, 9061),
        new("validation: city and country are not required for a qualification", ProfessionalActivity + " (validateOrgAddress is for education and employment only)",
            context => CreateAsync(context, q => Organization(q)["address"] = new JsonObject()), HttpStatusCode.Created),
        new("validation: a ROR id ORCID does not know is refused", Organisations,
            context => CreateAsync(context, q => Disambiguated(q)["disambiguated-organization-identifier"] = UnknownRor), HttpStatusCode.BadRequest, 9045),
        new("validation: a bare ROR id is refused (ORCID holds the https://ror.org/ URL)", Organisations,
            context => CreateAsync(context, q => Disambiguated(q)["disambiguated-organization-identifier"] = "03b94tp07"), HttpStatusCode.BadRequest, 9045),
        new("validation: a disambiguation source ORCID does not use is refused", Organisations + "; orcid-core/src/main/java/org/orcid/core/orgs/OrgDisambiguatedSourceType.java",
            context => CreateAsync(context, q => Disambiguated(q)["disambiguation-source"] = "ISNI"), HttpStatusCode.BadRequest, 9045),
        new("validation: an update naming a ROR id ORCID does not know is refused",
            "orcid-core/src/main/java/org/orcid/core/manager/v3/impl/AffiliationsManagerImpl.java (updateAffiliation → orgManager.getOrgEntity); " + Organisations,
            async context =>
            {
                var qualification = ConformanceContext.Qualification();
                var putCode = await context.CreateAsync(qualification);
                qualification["put-code"] = putCode;
                Disambiguated(qualification)["disambiguated-organization-identifier"] = UnknownRor;
                return await context.MemberAsync(HttpMethod.Put, $"{context.Orcid}/qualification/{putCode}", ConformanceContext.Json(qualification));
            }, HttpStatusCode.BadRequest, 9045),
        new("validation: a ROR id added with /_sim/organisations is known", Organisations, async context =>
        {
            var id = $"https://ror.org/added-{Guid.NewGuid():N}";
            using (var unknown = await CreateAsync(context, q => Disambiguated(q)["disambiguated-organization-identifier"] = id))
            {
                Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            }
            using var added = await context.Simulator.Controls.PostAsJsonAsync("/_sim/organisations", new { source = "ROR", identifier = id, name = "Added University" });
            added.EnsureSuccessStatusCode();
            return await CreateAsync(context, q => Disambiguated(q)["disambiguated-organization-identifier"] = id);
        }, HttpStatusCode.Created, NeedsSimulator: true),
        new("validation: an impossible date (2023-02-30) is refused", FuzzyDate + " (InvalidFuzzyDateException)",
            context => CreateAsync(context, q => q["start-date"] = Date("2023", "02", "30")), HttpStatusCode.BadRequest, 9049),
        new("validation: a start after the end is refused", FuzzyDate + " (StartDateAfterEndDateException)",
            context => CreateAsync(context, q =>
            {
                q["start-date"] = Date("2025", "01", "01");
                q["end-date"] = Date("2024", "06");
            }), HttpStatusCode.BadRequest, 9055),
        new("validation: a start month is after an end of the same year alone", FuzzyDate + " (compareTo pads a missing month with 00)",
            context => CreateAsync(context, q =>
            {
                q["start-date"] = Date("2024", "03");
                q["end-date"] = Date("2024");
            }), HttpStatusCode.BadRequest, 9055),
        new("validation: a blank role title is refused by the schema", Schema + " (long-text is a non-empty-string)",
            context => CreateAsync(context, q => q["role-title"] = "   "), HttpStatusCode.BadRequest, 9047),
        new("validation: a role title over 4000 characters is refused by the schema", Schema + " (long-text: maxLength 4000)",
            context => CreateAsync(context, q => q["role-title"] = new string('x', 4001)), HttpStatusCode.BadRequest, 9047),
        new("validation: a blank organization name is refused by the schema", Schema + " (organization name is a long-text)",
            context => CreateAsync(context, q => Organization(q)["name"] = ""), HttpStatusCode.BadRequest, 9047),
        new("validation: a year before 1900 is refused by the schema", Schema + " (year: minInclusive 1900)",
            context => CreateAsync(context, q => q["start-date"] = Date("1899")), HttpStatusCode.BadRequest, 9047),
        new("validation: a country outside ISO 3166 is refused", Enums + "; ORCID/orcid-model src/main/java/org/orcid/jaxb/model/common/Iso3166Country.java",
            context => CreateAsync(context, q => Address(q)["country"] = "XX"), HttpStatusCode.BadRequest, 9047),
        new("validation: a lower-case country is refused", Enums + "; ORCID/orcid-model src/main/java/org/orcid/jaxb/model/common/Iso3166Country.java (valueOf)",
            context => CreateAsync(context, q => Address(q)["country"] = "nz"), HttpStatusCode.BadRequest, 9047),
        new("validation: a relationship outside ORCID's list is refused", Enums + "; ORCID/orcid-model src/main/java/org/orcid/jaxb/model/common/Relationship.java",
            context => CreateAsync(context, q => FirstExternalId(q)["external-id-relationship"] = "sibling-of"), HttpStatusCode.BadRequest, 9047),
        new("validation: malformed JSON is refused", Mapper + " (JsonParseException → 400/9001)",
            context => context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", new StringContent("{\"role-title\": ", Encoding.UTF8, OrcidJson.MediaType)),
            HttpStatusCode.BadRequest, 9001),
        new("validation: the same external id with no relationship twice is a duplicate", Duplicates, context =>
            CreateTwiceAsync(context, id => id.Remove("external-id-relationship")), HttpStatusCode.Conflict, 9021),
        new("validation: the same part-of external id twice is no duplicate", Duplicates, context =>
            CreateTwiceAsync(context, id => id["external-id-relationship"] = "part-of"), HttpStatusCode.Created),
    ];

    // A well-formed ROR id (its check digits are right) that ROR never issued: 0, six zeros, checksum 98.
    const string UnknownRor = "https://ror.org/000000098";

    static async Task<HttpResponseMessage> CreateAsync(ConformanceContext context, Action<JsonObject> change)
    {
        var qualification = ConformanceContext.Qualification();
        change(qualification);
        var response = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", ConformanceContext.Json(qualification));
        context.Created(response);
        return response;
    }

    static async Task<HttpResponseMessage> CreateTwiceAsync(ConformanceContext context, Action<JsonObject> changeExternalId)
    {
        var qualification = ConformanceContext.Qualification();
        changeExternalId(FirstExternalId(qualification));
        await context.CreateAsync(qualification);
        var again = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", ConformanceContext.Json(qualification));
        context.Created(again);
        return again;
    }

    static JsonObject Organization(JsonObject qualification) => qualification["organization"]!.AsObject();

    static JsonObject Address(JsonObject qualification) => Organization(qualification)["address"]!.AsObject();

    static JsonObject Disambiguated(JsonObject qualification) => Organization(qualification)["disambiguated-organization"]!.AsObject();

    static JsonObject FirstExternalId(JsonObject qualification) => qualification["external-ids"]!["external-id"]![0]!.AsObject();

    static JsonObject Date(string year, string? month = null, string? day = null)
    {
        var date = new JsonObject { ["year"] = new JsonObject { ["value"] = year } };
        if (month is not null)
        {
            date["month"] = new JsonObject { ["value"] = month };
        }
        if (day is not null)
        {
            date["day"] = new JsonObject { ["value"] = day };
        }
        return date;
    }
}
