using Consortium.Grains.OrcidClients;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;
using Orleans.Concurrency;

namespace Consortium.Grains.Interfaces;

/// <summary>A researcher's ORCID record as one tenant reads it in one environment, cached for a while so a warm
/// verification needs no ORCID call. Key: <see cref="VerificationKey.Record"/>.</summary>
[Alias("IOrcidRecordGrain")]
public interface IOrcidRecordGrain : IGrainWithStringKey
{
    /// <summary>Evaluates the rule against the record, read from ORCID unless a fresh copy is cached.</summary>
    /// <param name="webhookCallback">Registered once with ORCID so a change to the record ends the cache early.</param>
    /// <param name="decisionMayBeKept">A saved rule (its id and version name its content): its verdict is kept with the copy and
    /// answers the same rule version and context again until the copy changes. False for a draft.</param>
    /// <exception cref="OrcidUnreachableException">ORCID did not answer and no fresh copy is cached.</exception>
    /// <remarks>Interleaved: a warm verification answers from the copy while a read is under way, and the cold ones share that read.</remarks>
    [Alias("Evaluate"), AlwaysInterleave]
    Task<RecordVerdict> EvaluateAsync(TrustRule rule, EvaluationContext context, Uri? webhookCallback, bool decisionMayBeKept = false);

    /// <summary>ORCID said the record changed, or the consent did: the next verification reads it again.</summary>
    /// <remarks>Interleaved: a read in progress may end the researcher's consent, whose grain then calls this one back.</remarks>
    [Alias("Invalidate"), AlwaysInterleave]
    Task InvalidateAsync();
}
