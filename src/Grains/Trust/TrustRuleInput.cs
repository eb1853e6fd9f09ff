using System.Text.RegularExpressions;
using Consortium.Grains.Common;

namespace Consortium.Grains.Trust;

/// <summary>A trust rule as the API (<c>PUT /api/v1/tenants/{t}/trust-rules/{id}</c>) or the editor sends it:
/// only <see cref="Trust"/> is required. <see cref="Title"/> is shorthand for an exact <see cref="TitleMatch"/>.</summary>
/// <param name="ExternalIdValue">A regular expression the whole external id value must match.</param>
/// <param name="Combine">"all" (the default) or "any": how title, organisation and external id combine.</param>
[GenerateSerializer, Immutable]
public sealed partial record TrustRuleInput(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Title,
    [property: Id(2)] TitleMatchInput? TitleMatch,
    [property: Id(3)] TrustInput? Trust,
    [property: Id(4)] string? OrganisationId = null,
    [property: Id(5)] string? ExternalIdType = null,
    [property: Id(6)] string? ExternalIdValue = null,
    [property: Id(7)] ValidityInput? Validity = null,
    [property: Id(8)] string? Combine = null)
{
    public const int MaxNameLength = 200;

    /// <param name="version">The version the stored rule will have; 1 for a new rule.</param>
    /// <exception cref="InvalidFieldException">The first malformed field, named as in the JSON body; nothing is stored.</exception>
    public TrustRule Validated(string id, int version, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        id = (id ?? "").Trim();
        if (!IdPattern().IsMatch(id))
        {
            throw new InvalidFieldException("id", "A trust rule id must be 1 to 64 lower-case letters, digits, hyphens, dots or underscores, like 'radiation'.");
        }
        var name = string.IsNullOrWhiteSpace(Name) ? null : Fields.Text("name", Name, MaxNameLength, "name");
        var title = ValidTitleMatch();
        if (Trust is null)
        {
            throw new InvalidFieldException("trust",
                "Say whose qualifications this rule trusts: this organisation's own client, named clients or members, any member, or the researcher.");
        }
        return new TrustRule(
            id,
            version,
            name ?? DefaultName(id, title),
            Trust.Validated(),
            title,
            OrganisationIdentifier.Validated("organisationId", OrganisationId),
            ValidExternalIdType(),
            string.IsNullOrWhiteSpace(ExternalIdValue) ? null : TrustPatterns.Validated("externalIdValue", ExternalIdValue, "external id value pattern"),
            Validity?.Validated() ?? ValidityRequirement.Default,
            ValidCombine(),
            now);
    }

    // titleMatch wins over the title shorthand, so an editor may send both without the shorthand getting in the way.
    private TitleMatch? ValidTitleMatch() =>
        TitleMatch is not null ? TitleMatch.Validated()
        : string.IsNullOrWhiteSpace(Title) ? null
        : new TitleMatch(TitleMatchMode.Exact, [Fields.Text("title", Title, TitleMatchInput.MaxValueLength, "title")]);

    private static string DefaultName(string id, TitleMatch? title) =>
        title is { Mode: TitleMatchMode.Exact, Values: [var exact] }
            ? exact.Length <= MaxNameLength ? exact : exact[..(MaxNameLength - 1)].TrimEnd() + "…"
            : id;

    private string? ValidExternalIdType()
    {
        if (string.IsNullOrWhiteSpace(ExternalIdType))
        {
            return null;
        }
        var type = ExternalIdType.Trim().ToLowerInvariant();
        return ExternalIdTypePattern().IsMatch(type)
            ? type
            : throw new InvalidFieldException("externalIdType", "The external id type must be an ORCID identifier type, like 'other-id'.");
    }

    private ConditionMode ValidCombine() => Combine?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => ConditionMode.All,
        "any" => ConditionMode.Any,
        _ => throw new InvalidFieldException("combine", "Combine must be 'all' (every condition holds) or 'any' (one of title, organisation or external id is enough)."),
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,49}$")]
    private static partial Regex ExternalIdTypePattern();
}
