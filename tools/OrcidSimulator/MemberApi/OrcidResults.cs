using System.Net;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Answers in ORCID's JSON: items, and errors as <c>{response-code, developer-message, user-message, error-code, more-info}</c>.</summary>
public static class OrcidResults
{
    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, OrcidJson.Options, OrcidJson.MediaType, statusCode);

    public static IResult Error(SimFailure failure) => Error(failure.Status, failure.ErrorCode, failure.DeveloperMessage);

    public static IResult Error(HttpStatusCode status, int errorCode, string developerMessage) => Json(new OrcidError
    {
        ResponseCode = (int)status,
        DeveloperMessage = developerMessage,
        UserMessage = "Something went wrong with this request to ORCID.",
        ErrorCode = errorCode,
        MoreInfo = "https://members.orcid.org/api/resources/troubleshooting",
    }, (int)status);

    public static IResult InvalidToken(string description) =>
        Results.Json(new { error = "invalid_token", error_description = description }, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult MissingScope(string scope) =>
        Error(HttpStatusCode.Forbidden, 9038, $"403 Forbidden: Insufficient or wrong scope: this call needs {scope} for this record.");

    public static IResult RateLimited(string clientId) =>
        Error(HttpStatusCode.ServiceUnavailable, 9999, $"503 Service Unavailable: Client {clientId} is over the rate limit of 24 requests a second (bursts of 40).");

    public static IResult PublicRateLimited() =>
        Error(HttpStatusCode.ServiceUnavailable, 9999, "503 Service Unavailable: Over the public API rate limit of 12 requests a second (bursts of 40).");
}
