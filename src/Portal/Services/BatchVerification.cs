using Consortium.Grains.Trust;
using Consortium.Grains.Verification;

namespace Consortium.Portal.Services;

/// <summary>One iD of a batch verification: its decision with evidence, or why it could not be verified (<see cref="Error"/>,
/// with no decision) without failing the rest of the batch.</summary>
/// <param name="Orcid">The iD as given in the batch.</param>
/// <param name="RuleVersion">The rule's version that decided; a rule saved during the batch may decide later entries.</param>
public sealed record BatchVerificationEntry(
    string Orcid,
    Decision? Decision,
    string? Reason,
    IReadOnlyList<Evidence> Evidence,
    int? RuleVersion = null,
    bool? Cached = null,
    RecordReadMode? ReadWith = null,
    string? ReadNote = null,
    string? Error = null)
{
    public static BatchVerificationEntry Of(string orcid, VerificationResult result) =>
        new(orcid, result.Decision, result.Reason, result.Evidence, result.Rule.Version, result.Cached, result.ReadWith, result.ReadNote);

    public static BatchVerificationEntry Failed(string orcid, string error) => new(orcid, null, null, [], Error: error);
}

/// <summary>The decisions of a batch, in the order of its iDs.</summary>
public sealed record BatchVerificationResult(string RuleId, IReadOnlyList<BatchVerificationEntry> Results);

public static class BatchVerification
{
    /// <summary>The most iDs one batch may hold.</summary>
    public const int MaxOrcids = 1000;

    /// <summary>Verifications in flight at once: ORCID's public-API burst. The cold ones wait in the ORCID rate limiter's line
    /// (12 a second after the burst), so more would only wait longer; warm ones are answered from the record grains.</summary>
    public const int Concurrency = 40;
}
