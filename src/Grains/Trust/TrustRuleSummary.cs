namespace Consortium.Grains.Trust;

/// <summary>Writes a rule as the paragraph a member admin reads in the editor and in verification results.</summary>
internal static class TrustRuleSummary
{
    public static string Describe(TrustRule rule, IReadOnlyDictionary<string, string> clientNames, IReadOnlyDictionary<string, string> templateTitles)
    {
        var conditions = IdentifyingConditions(rule, templateTitles);
        var qualification = conditions.Count == 0 ? "any qualification,"
            : rule.Combine == ConditionMode.Any && conditions.Count > 1 ? $"a qualification either {Phrases.List(conditions, "or")},"
            : $"a qualification {Phrases.List(conditions, "and")},";
        var validity = ValidityClauses(rule.Validity);
        var badges = rule.Trust.BadgeIssuers.Count == 0 ? ""
            : $" A verified Open Badge the researcher holds, issued by {Phrases.List([.. rule.Trust.BadgeIssuers], "or")}"
              + (rule.Title is null ? "" : $" and {TitleCondition(rule.Title, templateTitles)}") + ", counts too.";
        if (!rule.Trust.TrustsOrcidItems)
        {
            return $"Allow when the researcher shows a verified Open Badge issued by {Phrases.List([.. rule.Trust.BadgeIssuers], "or")}"
                + (rule.Title is null ? "" : $", {TitleCondition(rule.Title, templateTitles)}") + ". No ORCID item counts.";
        }
        var sentence = $"Allow when the record has {qualification} {Sources(rule.Trust, clientNames)}"
            + (validity.Count == 0 ? "." : $", that {Phrases.List(validity, "and")}.") + badges;
        // A rule that only names its sources is allowed, but it is easy to save one by mistake: say so plainly.
        return conditions.Count > 0 ? sentence
            : validity.Count > 0 ? sentence + " It names no title, organisation or external id, so any such qualification counts."
            : sentence + " It sets no condition besides the source, so any qualification these sources wrote counts, whatever its title or dates.";
    }

    private static List<string> IdentifyingConditions(TrustRule rule, IReadOnlyDictionary<string, string> templateTitles)
    {
        var conditions = new List<string>();
        if (rule.Title is { } title)
        {
            conditions.Add(TitleCondition(title, templateTitles));
        }
        if (rule.OrganisationId is { } organisation)
        {
            conditions.Add($"from organisation {organisation}");
        }
        if (rule.HasExternalIdCondition)
        {
            var type = rule.ExternalIdType is { } t ? Phrases.WithArticle(t) + " external id" : "an external id";
            conditions.Add(rule.ExternalIdValuePattern is { } pattern ? $"with {type} matching {Phrases.Quoted(pattern)}" : $"with {type}");
        }
        return conditions;
    }

    private static string TitleCondition(TitleMatch title, IReadOnlyDictionary<string, string> templateTitles) => title.Mode switch
    {
        TitleMatchMode.Exact or TitleMatchMode.OneOf => "titled " + Phrases.List(title.Values.Select(Phrases.Quoted).ToList(), "or"),
        TitleMatchMode.Pattern => $"with a title matching the pattern {Phrases.Quoted(title.Values[0])}",
        _ => "titled as in " + Phrases.List(title.Values
            .Select(id => templateTitles.TryGetValue(id, out var known) ? $"template {id} ({Phrases.Quoted(known)})" : $"template {id}")
            .ToList(), "or"),
    };

    private static string Sources(TrustedSources trust, IReadOnlyDictionary<string, string> clientNames)
    {
        var writers = trust.AnyMember
            ? ["any ORCID member organisation"]
            : (trust.OwnClient ? ["this organisation"] : Array.Empty<string>())
                .Concat(trust.TrustedClients.Select(entry => ClientName(entry, clientNames)))
                .ToList();
        var sources = new List<string>();
        if (writers.Count > 0)
        {
            sources.Add("written by " + Phrases.List(writers, "or"));
        }
        if (trust.SelfAsserted)
        {
            sources.Add("added by the researcher themselves");
        }
        return Phrases.List(sources, "or");
    }

    private static string ClientName(string entry, IReadOnlyDictionary<string, string> clientNames) =>
        clientNames.TryGetValue(entry, out var name) ? name
        : entry.StartsWith(TrustedSources.TenantPrefix, StringComparison.Ordinal) ? $"the member {entry[TrustedSources.TenantPrefix.Length..]}"
        : $"the client {entry}";

    private static List<string> ValidityClauses(ValidityRequirement validity)
    {
        var clauses = new List<string>();
        if (validity.MustHaveStarted)
        {
            clauses.Add("has started");
        }
        if (validity.MustNotBeExpired)
        {
            clauses.Add("has not expired");
        }
        if (validity.IssuedWithinMonths is { } months)
        {
            clauses.Add($"was issued in the last {Phrases.Months(months)}");
        }
        return clauses;
    }
}
