using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Reads a qualification body as ORCID does: JSON or XML by its content type, parsed, then held to ORCID's schema
/// (<see cref="QualificationSchema"/>).</summary>
public static class QualificationBody
{
    public static Task<(Qualification? Qualification, SimFailure? Refused)> ReadAsync(HttpRequest request) =>
        OrcidMediaTypes.BodyFormatOf(request) switch
        {
            BodyFormat.Json => ReadJsonAsync(request),
            BodyFormat.Xml => ReadXmlAsync(request),
            // JAX-RS refuses a body no @Consumes type matches (ORCID's apiError.9001 wording covers 415).
            _ => Task.FromResult<(Qualification?, SimFailure?)>((null, new SimFailure(HttpStatusCode.UnsupportedMediaType, 9001,
                $"415 Unsupported Media Type: data must be in XML or JSON format, not '{request.ContentType}'."))),
        };

    static async Task<(Qualification? Qualification, SimFailure? Refused)> ReadXmlAsync(HttpRequest request)
    {
        XDocument document;
        try
        {
            document = await XDocument.LoadAsync(request.Body, LoadOptions.None, request.HttpContext.RequestAborted);
        }
        catch (XmlException exception)
        {
            return (null, InvalidXml(exception.Message));
        }
        // The XML is held to the schema as it is read (orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidValidationJaxbContextResolver.java),
        // then to the enums the schema leaves as strings.
        if (QualificationSchema.Problem(document) is { } invalid)
        {
            return (null, InvalidXml(invalid));
        }
        Qualification qualification;
        try
        {
            qualification = OrcidXml.ReadQualification(document.Root!);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            return (null, InvalidXml(exception.Message));
        }
        return QualificationSchema.Problem(qualification) is { } problem ? (null, InvalidXml(problem)) : (qualification, null);
    }

    static async Task<(Qualification? Qualification, SimFailure? Refused)> ReadJsonAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException exception)
        {
            // Malformed JSON is Jackson's JsonParseException → 400/9001 (ORCID-Source
            // orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java).
            return (null, new SimFailure(HttpStatusCode.BadRequest, 9001,
                $"400 Bad Request: There is an issue with your data or the API endpoint. ({exception.Message})"));
        }
        using (document)
        {
            Qualification? qualification;
            try
            {
                qualification = document.Deserialize<Qualification>(OrcidJson.Options);
            }
            catch (JsonException exception)
            {
                return (null, InvalidJson(exception.Message));
            }
            if (qualification is null)
            {
                return (null, InvalidJson("Couldn't read object, data seems to be empty or invalid"));
            }
            return QualificationSchema.Problem(qualification) is { } problem ? (null, InvalidJson(problem)) : (qualification, null);
        }
    }

    // OrcidValidationJaxbContextResolver's OrcidValidationHandler throws OrcidBadRequestException, which
    // orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java answers 400/9012.
    static SimFailure InvalidXml(string error) => new(HttpStatusCode.BadRequest, 9012, $"The client application made a bad request to the ORCID API. {error}");

    // JSON that parses but does not fit the model or the schema is InvalidJSONException → 400/9047
    // (orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidJacksonJaxbJsonProvider.java, OrcidCoreExceptionMapper.java;
    // wording from orcid-core/src/main/resources/i18n/api_en.properties, apiError.9047).
    static SimFailure InvalidJson(string error) => new(HttpStatusCode.BadRequest, 9047, $"400 Bad request: invalid JSON - {error}");
}
