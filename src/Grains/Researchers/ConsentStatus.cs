namespace Consortium.Grains.Researchers;

public enum ConsentStatus
{
    /// <summary>The researcher granted permission and ORCID still honours it.</summary>
    Connected,
    /// <summary>The researcher disconnected here; the token was revoked at ORCID.</summary>
    Disconnected,
    /// <summary>ORCID refused the token (revoked on ORCID's side, or expired).</summary>
    RejectedByOrcid,
    /// <summary>ORCID deactivated the record: the researcher closed it, and ORCID disabled its tokens.</summary>
    RecordDeactivated,
    /// <summary>ORCID deprecated the record into another iD; its token cannot write to that one.</summary>
    RecordDeprecated,
}
