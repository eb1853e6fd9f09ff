using System.Net;
using System.Text.RegularExpressions;

namespace Consortium.Orcid.Errors;

/// <summary>An ORCID API or OAuth call that failed: ORCID's error JSON, or an OAuth error, in one shape.</summary>
public sealed partial class OrcidApiException(
    HttpStatusCode status,
    int? errorCode,
    string? developerMessage,
    string? userMessage = null,
    string? oauthError = null)
    : Exception(Describe(status, errorCode, oauthError, developerMessage))
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>ORCID's numeric error code (9010, 9021, ...), when it sent one.</summary>
    public int? ErrorCode { get; } = errorCode;

    public string? DeveloperMessage { get; } = developerMessage;

    /// <summary>A message ORCID meant for the researcher, when it sent one.</summary>
    public string? UserMessage { get; } = userMessage;

    /// <summary>The OAuth <c>error</c> (<c>invalid_token</c>, <c>invalid_grant</c>, ...), when the failure was one.</summary>
    public string? OAuthError { get; } = oauthError;

    // Codes and statuses from ORCID-Source orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java.
    public OrcidErrorKind Kind => ((int)Status, ErrorCode) switch
    {
        (400, 9062) => OrcidErrorKind.MissingDisambiguatedOrganization,
        (400, 9045) => OrcidErrorKind.UnknownDisambiguatedOrganization,
        (400, 9046) => OrcidErrorKind.MissingOrganization,
        (400, 9061) => OrcidErrorKind.CityWithoutCountry,
        (400, 9019) => OrcidErrorKind.PutCodeMismatch,
        (401, _) when OAuthError == "invalid_token" => OrcidErrorKind.InvalidToken,
        (403, 9010) => OrcidErrorKind.NotSource,
        (403, 9035) => OrcidErrorKind.VisibilityChange,
        (403, 9038) => OrcidErrorKind.MissingScope,
        (404, _) => OrcidErrorKind.NotFound,
        (409, 9021) => OrcidErrorKind.DuplicateExternalId,
        (409, 9018) => OrcidErrorKind.RecordLocked,
        (503, _) => OrcidErrorKind.RateLimited,
        (429, _) => OrcidErrorKind.TooManyRequests,
        (500, _) => OrcidErrorKind.ServerError,
        _ => OrcidErrorKind.Other,
    };

    /// <summary>For a 409/9021, the put-code of the item already on the record, which ORCID names in its message.</summary>
    public long? ExistingPutCode =>
        Kind == OrcidErrorKind.DuplicateExternalId && DeveloperMessage is not null && PutCodePattern().Match(DeveloperMessage) is { Success: true } match
            ? long.Parse(match.Groups[1].Value)
            : null;

    static string Describe(HttpStatusCode status, int? errorCode, string? oauthError, string? developerMessage) =>
        $"ORCID answered {(int)status} {status}" +
        (errorCode is { } code ? $", error {code}" : "") +
        (oauthError is not null ? $", {oauthError}" : "") +
        (developerMessage is not null ? $": {developerMessage}" : ".");

    [GeneratedRegex(@"put-code (\d+)")]
    private static partial Regex PutCodePattern();
}
