namespace Consortium.Orcid.Errors;

/// <summary>The ORCID failures callers handle differently; anything else is <see cref="Other"/>.</summary>
public enum OrcidErrorKind
{
    Other,
    /// <summary>400/9062: the organization lacks a disambiguated id.</summary>
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
    /// <summary>404/9011: no such item.</summary>
    NotFound,
    /// <summary>409/9021: this client already wrote an item with the same self external id.</summary>
    DuplicateExternalId,
    /// <summary>409/9018: the record is locked by ORCID; it may be unlocked, so worth trying again later.</summary>
    RecordLocked,
    /// <summary>503: over the rate limit or unavailable.</summary>
    RateLimited,
    /// <summary>500/9008: ORCID failed.</summary>
    ServerError,
    /// <summary>409/9044: the record is deactivated; final, it will not come back for this client.</summary>
    Deactivated,
    /// <summary>301/9007 (GET) or 409/9007: the record is deprecated; final, its researcher now uses
    /// <see cref="OrcidApiException.PrimaryOrcid"/>.</summary>
    Deprecated,
}
