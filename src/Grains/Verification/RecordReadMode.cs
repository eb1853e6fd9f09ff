namespace Consortium.Grains.Verification;

/// <summary>How the record was read; evidence says which, since the two can see different items.</summary>
public enum RecordReadMode
{
    /// <summary>With the researcher's own consent token (<c>/read-limited</c>): includes items shown to trusted parties.</summary>
    ResearcherConsent,
    /// <summary>Public data only, with a client-credentials <c>/read-public</c> token.</summary>
    PublicData,
}
