using Consortium.Orcid;
using Consortium.Grains.Trust;

namespace Consortium.Grains.Verification;

/// <summary>One evaluation of a rule against a live (or freshly cached) ORCID record, with its evidence.</summary>
/// <param name="Cached">The record was not read from ORCID for this decision: a copy younger than the cache time answered.</param>
/// <param name="DecisionCached">The decision itself came from cache: the same rule version had been evaluated against the same copy.</param>
/// <param name="OrcidReadMs">How long the read from ORCID took that this decision waited for; null when it read nothing.</param>
[GenerateSerializer, Immutable, Alias("VerificationResult")]
public sealed record VerificationResult(
    [property: Id(0)] Decision Decision,
    [property: Id(1)] string Reason,
    [property: Id(2)] TrustRule Rule,
    [property: Id(3)] IReadOnlyList<Evidence> Evidence,
    [property: Id(4)] DateTimeOffset CheckedAt,
    [property: Id(5)] bool Cached,
    [property: Id(6)] RecordReadMode? ReadWith,
    [property: Id(7)] DateTimeOffset? RecordReadAt,
    [property: Id(8)] OrcidEnvironment Environment,
    [property: Id(9)] string Orcid,
    [property: Id(10)] BadgeAssessment? Badge = null,
    [property: Id(11)] bool DecisionCached = false,
    [property: Id(12)] double? OrcidReadMs = null)
{
    /// <summary>What the read could see: limited items with the researcher's consent, or public items only (others may be hidden).</summary>
    public string? ReadNote => ReadWith?.Describe();
}
