namespace Consortium.Grains.Verification;

/// <summary>How the record was read; evidence says which, since the two can see different items.</summary>
public enum RecordReadMode
{
    /// <summary>With the researcher's own consent token (<c>/read-limited</c>): includes items shown to trusted parties.</summary>
    ResearcherConsent,
    /// <summary>Public data only, through the public API: limited and private items are not visible.</summary>
    PublicData,
}

public static class RecordReadModes
{
    /// <summary>What a person needs to know about a decision made on a record read this way.</summary>
    public static string Describe(this RecordReadMode mode) => mode switch
    {
        RecordReadMode.ResearcherConsent => "Read with the researcher's consent (limited items included).",
        _ => "Public record only: items the researcher keeps limited or private are not visible, so a qualification may be there and hidden.",
    };
}
