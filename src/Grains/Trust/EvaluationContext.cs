using Consortium.Orcid.Model;

namespace Consortium.Grains.Trust;

/// <summary>What the evaluator needs to know besides the rule and the record, resolved by the caller.</summary>
/// <param name="RecordOrcid">The bare iD of the record being checked, like 0000-0002-1825-0097.</param>
/// <param name="OwnClientId">The checking tenant's client id in this environment; null when it has none.</param>
/// <param name="TrustedClientIds">The rule's trusted clients as client ids of this environment (<c>tenant:{slug}</c> resolved).</param>
/// <param name="TemplateTitles">The tenant's template ids and their titles, for <see cref="TitleMatchMode.Template"/>.</param>
/// <param name="Today">The day of the check, in the tenant's calendar: dates on ORCID have no time zone.</param>
[GenerateSerializer, Immutable]
public sealed record EvaluationContext(
    [property: Id(0)] string RecordOrcid,
    [property: Id(1)] string? OwnClientId,
    [property: Id(2)] IReadOnlySet<string> TrustedClientIds,
    [property: Id(3)] IReadOnlyDictionary<string, string> TemplateTitles,
    [property: Id(4)] DateOnly Today)
{
    /// <summary>Who wrote an item, from this tenant's point of view. The writing client decides; only an item
    /// without one can be the researcher's own.</summary>
    public SourceKind KindOf(Source? source)
    {
        var clientId = source?.SourceClientId?.Path?.Trim();
        if (!string.IsNullOrEmpty(clientId))
        {
            return SameId(clientId, OwnClientId) ? SourceKind.OwnClient
                : TrustedClientIds.Any(trusted => SameId(clientId, trusted)) ? SourceKind.TrustedMember
                : SourceKind.OtherMember;
        }
        return SameId(source?.SourceOrcid?.Path?.Trim(), RecordOrcid) ? SourceKind.SelfAsserted : SourceKind.Unknown;
    }

    /// <summary>Equal for two contexts that judge every qualification alike (the sets and the dictionary compare by content).</summary>
    public string Fingerprint() => string.Join('|',
        RecordOrcid, OwnClientId, string.Join(',', TrustedClientIds.Order(StringComparer.Ordinal)),
        string.Join(',', TemplateTitles.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")), Today.DayNumber);

    // ORCID prints client ids and iDs in upper case, but a checksum X or a hand-typed id may come in lower case.
    private static bool SameId(string? left, string? right) =>
        !string.IsNullOrEmpty(left) && string.Equals(left, right?.Trim(), StringComparison.OrdinalIgnoreCase);
}
