namespace Consortium.Grains.Trust;

/// <summary>The one sentence a verdict gives: which qualification allowed, or a tally of why none did.</summary>
internal static class VerdictReason
{
    /// <returns>"Allowed: "Laser Safety Level 2" (put-code 123), written by this organisation, meets the rule."</returns>
    public static string Allowed(Assessment first, int matchedCount)
    {
        var qualification = first.Qualification;
        var named = qualification.RoleTitle is { Length: > 0 } title ? Phrases.Quoted(title) : "a qualification without a title";
        var putCode = qualification.PutCode is { } code ? $" (put-code {code})" : "";
        var others = matchedCount switch
        {
            1 => "",
            2 => ", as does 1 other",
            _ => $", as do {matchedCount - 1} others",
        };
        return $"Allowed: {named}{putCode}, {SourcePhrases.WrittenBy(first.SourceKind, qualification.Source)}, meets the rule{others}.";
    }

    /// <returns>"Denied: none of the 3 qualifications on the record meets the rule (1 from an untrusted source, 1 expired, 1 with another title)."</returns>
    public static string Denied(IReadOnlyList<Assessment> assessments)
    {
        if (assessments.Count == 0)
        {
            return "Denied: the record has no qualifications.";
        }
        var tally = assessments
            .Select(assessment => assessment.Shortfall!)
            .GroupBy(shortfall => shortfall)
            .OrderBy(group => group.Key.Kind)
            .Select(group => assessments.Count == 1 ? group.Key.Words : $"{group.Count()} {group.Key.Words}")
            .ToList();
        return assessments.Count == 1
            ? $"Denied: the only qualification on the record does not meet the rule ({tally[0]})."
            : $"Denied: none of the {assessments.Count} qualifications on the record meets the rule ({string.Join(", ", tally)}).";
    }
}
