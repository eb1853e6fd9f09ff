using System.Text.RegularExpressions;
using Consortium.Grains.Common;

namespace Consortium.Grains.Trust;

/// <summary>The <c>titleMatch</c> part of a rule as the API or the editor sends it.</summary>
/// <param name="Mode">"exact", "one-of", "pattern" or "template"; when left out, "exact" for one value and "one-of" for several.</param>
[GenerateSerializer, Immutable]
public sealed partial record TitleMatchInput(
    [property: Id(0)] string? Mode,
    [property: Id(1)] IReadOnlyList<string>? Values)
{
    public const int MaxValues = 50;
    public const int MaxValueLength = 1000;
    private const string Field = "titleMatch";

    /// <exception cref="InvalidFieldException">Always named "titleMatch": an unknown mode, or values that do not suit it.</exception>
    public TitleMatch Validated()
    {
        var mode = ValidMode();
        var values = (Values ?? []).Select(ValidValue).ToList();
        if (values.Count == 0)
        {
            throw new InvalidFieldException(Field, "Give at least one title, pattern or template id to match, or leave the title match out.");
        }
        if (values.Count > MaxValues)
        {
            throw new InvalidFieldException(Field, $"A title match takes at most {MaxValues} values.");
        }
        return (mode ?? (values.Count == 1 ? TitleMatchMode.Exact : TitleMatchMode.OneOf)) switch
        {
            TitleMatchMode.Exact => new TitleMatch(TitleMatchMode.Exact, [Single(values, "An exact title match takes one title; use 'one-of' for several.")]),
            TitleMatchMode.OneOf => new TitleMatch(TitleMatchMode.OneOf, values.DistinctBy(TitleText.Normalised).ToList()),
            TitleMatchMode.Pattern => new TitleMatch(TitleMatchMode.Pattern,
                [TrustPatterns.Validated(Field, Single(values, "A pattern title match takes one regular expression; join alternatives with |."), "title pattern")]),
            _ => new TitleMatch(TitleMatchMode.Template, values.Select(ValidTemplateId).Distinct(StringComparer.Ordinal).ToList()),
        };
    }

    private TitleMatchMode? ValidMode() => Mode?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "exact" => TitleMatchMode.Exact,
        "one-of" => TitleMatchMode.OneOf,
        "pattern" => TitleMatchMode.Pattern,
        "template" => TitleMatchMode.Template,
        _ => throw new InvalidFieldException(Field, $"'{Mode}' is not a title match mode: use 'exact', 'one-of', 'pattern' or 'template'."),
    };

    private static string ValidValue(string? value)
    {
        var text = (value ?? "").Trim();
        return text.Length > 0 && text.Length <= MaxValueLength
            ? text
            : throw new InvalidFieldException(Field, $"Each title, pattern or template id must be 1 to {MaxValueLength} characters.");
    }

    private static string Single(List<string> values, string message) =>
        values.Count == 1 ? values[0] : throw new InvalidFieldException(Field, message);

    private static string ValidTemplateId(string id) =>
        TemplateIdPattern().IsMatch(id)
            ? id
            : throw new InvalidFieldException(Field, $"'{id}' is not a template id: template ids are lower-case letters, digits, hyphens, dots or underscores, like 'laser-2'.");

    // The template id pattern of TemplateInput.
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex TemplateIdPattern();
}
