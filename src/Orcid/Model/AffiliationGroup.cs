using System.Text.Json.Serialization;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Model;

/// <summary>Items ORCID groups together because they share external ids.</summary>
public sealed record AffiliationGroup
{
    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? LastModifiedDate { get; init; }

    [JsonConverter(typeof(ExternalIdsConverter))]
    public IReadOnlyList<ExternalId> ExternalIds { get; init; } = [];

    [JsonConverter(typeof(QualificationSummariesConverter))]
    public IReadOnlyList<Qualification> Summaries { get; init; } = [];
}
