using System.Text.RegularExpressions;
using Consortium.Orcid.Model;

namespace Consortium.Grains.Trust;

/// <summary>A rule made ready for one evaluation: patterns compiled and template titles looked up once,
/// then every qualification on the record assessed against it.</summary>
internal sealed class PreparedRule
{
    private readonly TrustRule _rule;
    private readonly EvaluationContext _context;
    private readonly Regex? _titlePattern;
    private readonly Regex? _externalIdPattern;
    private readonly IReadOnlyList<(string Id, string Title)> _templates;

    public PreparedRule(TrustRule rule, EvaluationContext context)
    {
        _rule = rule;
        _context = context;
        _titlePattern = rule.Title is { Mode: TitleMatchMode.Pattern, Values: [var pattern] } ? TrustPatterns.WholeValue(pattern) : null;
        _externalIdPattern = rule.ExternalIdValuePattern is { } idPattern ? TrustPatterns.WholeValue(idPattern) : null;
        // Template ids the tenant no longer has are skipped: the rule still stands on the others.
        _templates = rule.Title is { Mode: TitleMatchMode.Template } templates
            ? templates.Values.Where(context.TemplateTitles.ContainsKey).Select(id => (id, context.TemplateTitles[id])).ToList()
            : [];
    }

    public Assessment Assess(Qualification qualification)
    {
        var kind = _context.KindOf(qualification.Source);
        var source = SourceCheck(kind, qualification.Source);
        var identifying = IdentifyingChecks(qualification).ToList();
        var validity = ValidityChecks.Of(_rule.Validity, qualification, _context.Today).ToList();
        var identified = _rule.Combine == ConditionMode.All
            ? identifying.All(check => check.Held)
            : identifying.Count == 0 || identifying.Any(check => check.Held);

        var failures = new List<Check>();
        if (!source.Held)
        {
            failures.Add(source);
        }
        // With "any", conditions that failed beside one that held did not matter, so they are not reported.
        if (!identified)
        {
            failures.AddRange(identifying.Where(check => !check.Held));
        }
        failures.AddRange(validity.Where(check => !check.Held));

        return failures.Count == 0
            ? new Assessment(qualification, kind, [source, .. identifying.Where(check => check.Held), .. validity], null)
            : new Assessment(qualification, kind, failures, Shortfall.Of(failures[0], _rule.Combine == ConditionMode.Any && identifying.Count > 1));
    }

    /// <summary>The rule's title condition on another kind of title (an Open Badge's achievement name); null when it names none.</summary>
    public Check? TitleCheckOf(string title) => _rule.Title is { } match ? TitleCheck(match, title) : null;

    private Check SourceCheck(SourceKind kind, Source? source)
    {
        var writtenBy = Phrases.Capitalised(SourcePhrases.WrittenBy(kind, source));
        return _rule.Trust.Trusts(kind)
            ? new(CheckKind.Source, true, $"{writtenBy}, which this rule trusts.")
            : new(CheckKind.Source, false, $"{writtenBy}, which this rule does not trust.");
    }

    private IEnumerable<Check> IdentifyingChecks(Qualification qualification)
    {
        if (_rule.Title is { } title)
        {
            yield return TitleCheck(title, qualification.RoleTitle);
        }
        if (_rule.OrganisationId is { } organisationId)
        {
            yield return OrganisationCheck(organisationId, qualification.Organization);
        }
        if (_rule.HasExternalIdCondition)
        {
            yield return ExternalIdCheck(qualification.ExternalIds);
        }
    }

    private Check TitleCheck(TitleMatch title, string? roleTitle)
    {
        if (string.IsNullOrWhiteSpace(roleTitle))
        {
            return new(CheckKind.Title, false, "Has no title.");
        }
        var titled = $"Titled {Phrases.Quoted(roleTitle)}";
        switch (title.Mode)
        {
            case TitleMatchMode.Exact:
                return TitleText.SameTitle(roleTitle, title.Values[0])
                    ? new(CheckKind.Title, true, $"{titled}.")
                    : new(CheckKind.Title, false, $"{titled}, not {Phrases.Quoted(title.Values[0])}.");
            case TitleMatchMode.OneOf:
                return title.Values.Any(value => TitleText.SameTitle(roleTitle, value))
                    ? new(CheckKind.Title, true, $"{titled}, one of the rule's titles.")
                    : new(CheckKind.Title, false, $"{titled}, which is none of the rule's {Phrases.Count(title.Values.Count, "title", "titles")}.");
            case TitleMatchMode.Pattern:
                return TrustPatterns.Matches(_titlePattern!, roleTitle) switch
                {
                    true => new(CheckKind.Title, true, $"{titled}, which matches the rule's pattern."),
                    false => new(CheckKind.Title, false, $"{titled}, which does not match the pattern {Phrases.Quoted(title.Values[0])}."),
                    null => new(CheckKind.Title, false, $"{titled}; the title pattern took too long to check, so it counts as not matching."),
                };
            default:
                if (_templates.Count == 0)
                {
                    return new(CheckKind.Title, false, $"{titled}, but none of the rule's templates ({string.Join(", ", title.Values)}) exists any more.");
                }
                var template = _templates.FirstOrDefault(known => TitleText.SameTitle(roleTitle, known.Title));
                return template.Id is not null
                    ? new(CheckKind.Title, true, $"{titled}, as template {template.Id}.")
                    : new(CheckKind.Title, false, $"{titled}, which is not the title of template {Phrases.List(_templates.Select(known => known.Id).ToList(), "or")}.");
        }
    }

    private static Check OrganisationCheck(string organisationId, Organization? organisation)
    {
        var id = organisation?.DisambiguatedOrganization?.DisambiguatedOrganizationIdentifier;
        var name = organisation?.Name is { Length: > 0 } named ? named : "an organisation";
        if (string.IsNullOrWhiteSpace(id))
        {
            return new(CheckKind.Organisation, false, $"From {name} without an organisation id, so not shown to be from {organisationId}.");
        }
        return OrganisationIdentifier.Same(id, organisationId)
            ? new(CheckKind.Organisation, true, $"From {name} ({id}).")
            : new(CheckKind.Organisation, false, $"From {name} ({id}), not {organisationId}.");
    }

    private Check ExternalIdCheck(IReadOnlyList<ExternalId> externalIds)
    {
        var timedOut = false;
        foreach (var externalId in externalIds.Where(HasWantedType))
        {
            var matched = _externalIdPattern is null ? true : TrustPatterns.Matches(_externalIdPattern, externalId.ExternalIdValue);
            if (matched is true)
            {
                return new(CheckKind.ExternalId, true, $"Has the {externalId.ExternalIdType} external id {Phrases.Quoted(externalId.ExternalIdValue)}.");
            }
            timedOut |= matched is null;
        }
        var wanted = (_rule.ExternalIdType is { } type ? $"{type} external id" : "external id")
            + (_rule.ExternalIdValuePattern is { } pattern ? $" matching {Phrases.Quoted(pattern)}" : "");
        return new(CheckKind.ExternalId, false, timedOut
            ? $"Has no {wanted}; the pattern took too long on at least one value, which counts as not matching."
            : $"Has no {wanted}.");
    }

    private bool HasWantedType(ExternalId externalId) =>
        _rule.ExternalIdType is null || string.Equals(externalId.ExternalIdType, _rule.ExternalIdType, StringComparison.OrdinalIgnoreCase);
}
