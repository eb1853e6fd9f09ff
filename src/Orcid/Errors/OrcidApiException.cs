using System.Net;
using System.Text.RegularExpressions;

namespace Consortium.Orcid.Errors;

/// <summary>An ORCID API or OAuth call that failed: ORCID's error JSON, or an OAuth error, in one shape.</summary>
public sealed partial class OrcidApiException(
    HttpStatusCode status,
    int? errorCode,
    string? developerMessage,
    string? userMessage = null,
    string? oauthError = null,
    Uri? location = null)
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

    /// <summary>ORCID's <c>Location</c> header on a failure: for a deprecated record, the same call on the primary iD.</summary>
    public Uri? Location { get; } = location;

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
        // ORCID-Source orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java (DeactivatedException → 409/9044;
        // OrcidDeprecatedException → 9007, 301 on a GET and 409 otherwise by
        // orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidExceptionMapper.java).
        (409, 9044) => OrcidErrorKind.Deactivated,
        (301 or 409, 9007) => OrcidErrorKind.Deprecated,
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

    /// <summary>For a deprecated record, the primary iD its researcher now uses: from <c>Location</c>, else from ORCID's message
    /// ("Please refer to account: https://orcid.org/{primary}", apiError.9007 in orcid-core/src/main/resources/i18n/api_en.properties).</summary>
    public OrcidId? PrimaryOrcid =>
        Kind == OrcidErrorKind.Deprecated && FirstOrcid([.. Location?.Segments ?? [], ReferredAccount()]) is { } primary ? primary : null;

    string? ReferredAccount() =>
        ReferredAccountPattern().Match($"{UserMessage} {DeveloperMessage}") is { Success: true } match ? match.Groups[1].Value : null;

    static OrcidId? FirstOrcid(IEnumerable<string?> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (OrcidId.TryParse(candidate?.Trim('/'), out var orcid))
            {
                return orcid;
            }
        }
        return null;
    }

    static string Describe(HttpStatusCode status, int? errorCode, string? oauthError, string? developerMessage) =>
        $"ORCID answered {(int)status} {status}" +
        (errorCode is { } code ? $", error {code}" : "") +
        (oauthError is not null ? $", {oauthError}" : "") +
        (developerMessage is not null ? $": {developerMessage}" : ".");

    [GeneratedRegex(@"refer to account: \S*?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])")]
    private static partial Regex ReferredAccountPattern();

    [GeneratedRegex(@"put-code (\d+)")]
    private static partial Regex PutCodePattern();
}
