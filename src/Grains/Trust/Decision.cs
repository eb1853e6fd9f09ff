namespace Consortium.Grains.Trust;

/// <summary>The answer to "does this record satisfy the rule?".</summary>
public enum Decision
{
    Allow,
    Deny,
    /// <summary>The record could not be read (ORCID unreachable, consent missing or revoked).
    /// <see cref="TrustEvaluator"/> never answers it: only the caller that fetches the record does,
    /// so that an outage is not mistaken for a qualification that is missing.</summary>
    Unknown,
}
