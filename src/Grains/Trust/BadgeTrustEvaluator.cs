using Consortium.Grains.Badges;

namespace Consortium.Grains.Trust;

/// <summary>Applies a trust rule to an Open Badge the researcher showed, once the badge verifier checked it (signature, status,
/// dates, holder). Pure, like <see cref="TrustEvaluator"/>. Of the rule's conditions, the issuer and the title (on the
/// achievement's name) apply to badges; organisation and external id conditions are about ORCID items and do not.</summary>
public static class BadgeTrustEvaluator
{
    /// <param name="holder">The iD URL of the researcher the record belongs to, who showed the badge: it must be the badge's subject.</param>
    public static BadgeAssessment Evaluate(TrustRule rule, EvaluationContext context, BadgeVerification badge, string holder)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(badge);
        var failures = new List<string>();
        var held = new List<string>();
        if (rule.Trust.BadgeIssuers.Count == 0)
        {
            failures.Add("This rule does not accept Open Badges.");
        }
        if (badge.Decision != Decision.Allow)
        {
            failures.Add($"The badge did not verify ({System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(badge.Reason.ToString())}).");
        }
        if (badge.Badge is { } facts)
        {
            if (facts.SubjectId != holder)
            {
                failures.Add($"Awarded to {facts.SubjectId ?? "someone named by identifiers only"}, not to {holder}.");
            }
            var issuer = facts.IssuerName is { } name ? $"{name} ({facts.IssuerId})" : facts.IssuerId;
            if (rule.Trust.BadgeIssuers.Contains(facts.IssuerId, StringComparer.Ordinal))
            {
                held.Add($"Issued by {issuer}, which this rule trusts.");
            }
            else if (rule.Trust.BadgeIssuers.Count > 0)
            {
                failures.Add($"Issued by {issuer}, which this rule does not trust.");
            }
            if (new PreparedRule(rule, context).TitleCheckOf(facts.AchievementName) is { } title)
            {
                (title.Held ? held : failures).Add(title.Reason);
            }
            if (rule.Validity.IssuedWithinMonths is { } months && DateOnly.FromDateTime(facts.ValidFrom.UtcDateTime) < context.Today.AddMonths(-months))
            {
                failures.Add($"Valid from {facts.ValidFrom:yyyy-MM-dd}, more than {Phrases.Months(months)} ago.");
            }
        }
        return failures.Count == 0
            ? new BadgeAssessment(badge, true, [.. held, "Verified: signed by its issuer, not revoked, in date, and awarded to this researcher."])
            : new BadgeAssessment(badge, false, failures);
    }
}
