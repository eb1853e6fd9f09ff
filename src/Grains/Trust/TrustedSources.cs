using System.Text.Json.Serialization;

namespace Consortium.Grains.Trust;

/// <summary>Whose qualifications a rule believes: the tenant's own client, named clients, any member, the researcher.</summary>
/// <param name="TrustedClients">Raw ORCID client ids (<c>APP-…</c>) or <c>tenant:{slug}</c>, meaning that member
/// organisation's client in the environment being checked; the caller resolves both into
/// <see cref="EvaluationContext.TrustedClientIds"/>.</param>
[GenerateSerializer, Immutable, Alias("TrustedSources")]
public sealed record TrustedSources(
    [property: Id(0)] bool OwnClient,
    [property: Id(1)] IReadOnlyList<string> TrustedClients,
    [property: Id(2)] bool AnyMember,
    [property: Id(3)] bool SelfAsserted)
{
    public const string TenantPrefix = "tenant:";

    /// <summary>Issuers (their <c>issuer.id</c> URLs) whose Open Badges the rule accepts, besides or instead of ORCID items.
    /// Null in rules saved before badges were accepted.</summary>
    [Id(4)] public IReadOnlyList<string>? TrustedIssuers { get; init; }

    /// <summary><see cref="TrustedIssuers"/>, empty for a rule saved before badges.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> BadgeIssuers => TrustedIssuers ?? [];

    /// <summary>Whether any ORCID item at all may count: a rule may accept badges only.</summary>
    [JsonIgnore]
    public bool TrustsOrcidItems => OwnClient || TrustedClients.Count > 0 || AnyMember || SelfAsserted;

    /// <summary>The raw ORCID client ids among <see cref="TrustedClients"/>.</summary>
    [JsonIgnore]
    public IEnumerable<string> ClientIds => TrustedClients.Where(entry => !entry.StartsWith(TenantPrefix, StringComparison.Ordinal));

    /// <summary>The member organisations among <see cref="TrustedClients"/>, by slug; their client depends on the environment.</summary>
    [JsonIgnore]
    public IEnumerable<string> TenantSlugs => TrustedClients
        .Where(entry => entry.StartsWith(TenantPrefix, StringComparison.Ordinal))
        .Select(entry => entry[TenantPrefix.Length..]);

    [JsonIgnore]
    public bool TrustsNobody => !TrustsOrcidItems && BadgeIssuers.Count == 0;

    /// <summary>Whether an item from this kind of source may count. A named client is trusted even when
    /// <see cref="AnyMember"/> is off; with it on, every member client counts, the tenant's own included.</summary>
    public bool Trusts(SourceKind kind) => kind switch
    {
        SourceKind.OwnClient => OwnClient || AnyMember,
        SourceKind.TrustedMember => TrustedClients.Count > 0 || AnyMember,
        SourceKind.OtherMember => AnyMember,
        SourceKind.SelfAsserted => SelfAsserted,
        _ => false,
    };
}
