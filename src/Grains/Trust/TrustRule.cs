using System.Text.Json.Serialization;

namespace Consortium.Grains.Trust;

/// <summary>A tenant's policy deciding whether the qualifications on an ORCID record grant access.
/// Made by <see cref="TrustRuleInput.Validated"/>; applied by <see cref="TrustEvaluator"/>.</summary>
/// <param name="Title">Null when the title does not matter.</param>
/// <param name="OrganisationId">The issuing organisation's disambiguated id: <c>https://ror.org/…</c>, or another registry's id as given.</param>
/// <param name="ExternalIdType">With <paramref name="ExternalIdValuePattern"/>: the item must carry such an external id.</param>
/// <param name="ExternalIdValuePattern">A regular expression the whole external id value must match.</param>
/// <param name="Combine">How title, organisation and external id combine; <paramref name="Validity"/> always has to hold.</param>
[GenerateSerializer, Immutable, Alias("TrustRule")]
public sealed record TrustRule(
    [property: Id(0)] string Id,
    [property: Id(1)] int Version,
    [property: Id(2)] string Name,
    [property: Id(3)] TrustedSources Trust,
    [property: Id(4)] TitleMatch? Title,
    [property: Id(5)] string? OrganisationId,
    [property: Id(6)] string? ExternalIdType,
    [property: Id(7)] string? ExternalIdValuePattern,
    [property: Id(8)] ValidityRequirement Validity,
    [property: Id(9)] ConditionMode Combine,
    [property: Id(10)] DateTimeOffset SavedAt)
{
    /// <summary>The rule in one paragraph, naming trusted clients and templates by their raw ids.</summary>
    public string Summary => Describe();

    [JsonIgnore]
    public bool HasExternalIdCondition => ExternalIdType is not null || ExternalIdValuePattern is not null;

    /// <summary>Whether anything besides the source and the dates identifies the qualification.</summary>
    [JsonIgnore]
    public bool HasIdentifyingCondition => Title is not null || OrganisationId is not null || HasExternalIdCondition;

    /// <summary>The rule in one paragraph, with display names where the caller knows them.</summary>
    /// <param name="trustedClientNames">Entries of <see cref="TrustedSources.TrustedClients"/> to display names, like <c>tenant:example-university</c> to "Example University".</param>
    /// <param name="templateTitles">Template ids to titles, for <see cref="TitleMatchMode.Template"/>.</param>
    public string Describe(IReadOnlyDictionary<string, string>? trustedClientNames = null, IReadOnlyDictionary<string, string>? templateTitles = null) =>
        TrustRuleSummary.Describe(this, trustedClientNames ?? EmptyNames, templateTitles ?? EmptyNames);

    private static readonly IReadOnlyDictionary<string, string> EmptyNames = new Dictionary<string, string>();
}
