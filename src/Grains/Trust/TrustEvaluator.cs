using Consortium.Orcid.Model;

namespace Consortium.Grains.Trust;

/// <summary>Applies a trust rule to the qualifications on one ORCID record. Pure: no grains, no I/O, no clock;
/// the caller fetches the record and resolves <see cref="EvaluationContext"/>.</summary>
public static class TrustEvaluator
{
    /// <returns><see cref="Decision.Allow"/> when at least one qualification from a trusted source meets the rule,
    /// else <see cref="Decision.Deny"/>; never <see cref="Decision.Unknown"/>. The evidence covers every qualification.</returns>
    public static Verdict Evaluate(TrustRule rule, EvaluationContext context, IEnumerable<Qualification> qualifications)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(qualifications);

        var prepared = new PreparedRule(rule, context);
        var assessments = qualifications.Select(prepared.Assess).ToList();
        var evidence = assessments.Select(assessment => assessment.ToEvidence()).ToList();
        var matched = assessments.Where(assessment => assessment.Matched).ToList();
        return matched.Count > 0
            ? new Verdict(Decision.Allow, VerdictReason.Allowed(matched[0], matched.Count), evidence)
            : new Verdict(Decision.Deny, VerdictReason.Denied(assessments), evidence);
    }
}
