namespace Consortium.Orcid.Errors;

/// <summary>The ORCID failures callers handle differently; anything else is <see cref="Other"/>.</summary>
public enum OrcidErrorKind
{
    Other,
    /// <summary>400/9062: the organization has no disambiguated id and the item no external id; one must be present.</summary>
    MissingDisambiguatedOrganization,
    /// <summary>400/9019: the body's put-code differs from the URL's.</summary>
    PutCodeMismatch,
    /// <summary>401 invalid_token: unknown, expired or revoked token.</summary>
    InvalidToken,
    /// <summary>403/9010: only the source client may change an item.</summary>
    NotSource,
    /// <summary>403/9035: visibility is the researcher's to change.</summary>
    VisibilityChange,
    /// <summary>403/9038: the token lacks the scope.</summary>
    MissingScope,
    /// <summary>404: no such item or record (9016 for an unknown put-code, OrcidCoreExceptionMapper's NoResultException).</summary>
    NotFound,
    /// <summary>409/9021: this client already wrote an item with the same self external id.</summary>
    DuplicateExternalId,
    /// <summary>409/9018: the record is locked by ORCID; it may be unlocked, so worth trying again later.</summary>
    RecordLocked,
    /// <summary>503: over the rate limit or unavailable.</summary>
    RateLimited,
    /// <summary>500/9008: ORCID failed.</summary>
    ServerError,
    /// <summary>429: too many requests; without Retry-After, the public API's daily quota for anonymous callers is used up.</summary>
    TooManyRequests,
    /// <summary>400/9045: ORCID does not know the organization's disambiguated id for its source (a ROR id must be the full
    /// <c>https://ror.org/…</c> URL).</summary>
    UnknownDisambiguatedOrganization,
    /// <summary>400/9046: the item has no organization.</summary>
    MissingOrganization,
    /// <summary>400/9061: the organization's address has a city or region but no country.</summary>
    CityWithoutCountry,
    /// <summary>409/9044: the record is deactivated; final, it will not come back for this client.</summary>
    Deactivated,
    /// <summary>301/9007 (GET) or 409/9007: the record is deprecated; final, its researcher now uses
    /// <see cref="OrcidApiException.PrimaryOrcid"/>.</summary>
    Deprecated,
}
