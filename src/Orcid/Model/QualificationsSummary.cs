using System.Text.Json.Serialization;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Model;

/// <summary>The answer to <c>GET /{orcid}/qualifications</c>.</summary>
public sealed record QualificationsSummary
{
    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? LastModifiedDate { get; init; }

    public IReadOnlyList<AffiliationGroup> AffiliationGroup { get; init; } = [];
    public string? Path { get; init; }

    /// <summary>Every qualification on the record, across groups.</summary>
    [JsonIgnore]
    public IEnumerable<Qualification> Qualifications => AffiliationGroup.SelectMany(g => g.Summaries);
}
