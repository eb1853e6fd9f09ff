using System.Net;
using System.Text.Json;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Reads a qualification body as ORCID does: parsed, then held to ORCID's schema (<see cref="QualificationSchema"/>).</summary>
public static class QualificationBody
{
    public static async Task<(Qualification? Qualification, SimFailure? Refused)> ReadAsync(HttpRequest request)
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

    // JSON that parses but does not fit the model or the schema is InvalidJSONException → 400/9047
    // (orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidJacksonJaxbJsonProvider.java, OrcidCoreExceptionMapper.java;
    // wording from orcid-core/src/main/resources/i18n/api_en.properties, apiError.9047).
    static SimFailure InvalidJson(string error) => new(HttpStatusCode.BadRequest, 9047, $"400 Bad request: invalid JSON - {error}");
}
