namespace Consortium.Grains.Issuing;

/// <summary>Where an issuance stands (DESIGN.md: awaiting-consent, queued, in-orcid, denied, revoked, deleted-in-orcid, failed).</summary>
public enum IssuanceStatus
{
    /// <summary>The researcher has not (yet) granted this organisation permission.</summary>
    AwaitingConsent,
    /// <summary>Waiting its turn to be written, or retrying after ORCID was busy.</summary>
    Queued,
    /// <summary>On the researcher's record, with its put-code.</summary>
    InOrcid,
    /// <summary>The invited researcher denied permission.</summary>
    Denied,
    /// <summary>Withdrawn by the organisation.</summary>
    Revoked,
    /// <summary>The researcher deleted it from their record.</summary>
    DeletedInOrcid,
    /// <summary>ORCID refused it for a reason retrying will not fix; the error says which.</summary>
    Failed,
    /// <summary>The researcher's permission ended (they disconnected, or ORCID stopped accepting it): what was written stays
    /// on their record, where only they can delete it, and nothing more is written or changed until they connect again.</summary>
    ConsentEnded,
}
