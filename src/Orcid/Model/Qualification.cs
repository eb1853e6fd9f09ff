using System.Text.Json.Serialization;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Model;

/// <summary>One qualification (ORCID's <c>common:affiliation</c>): what a client writes and reads back.
/// The summary in <see cref="QualificationsSummary"/> has the same fields.</summary>
public sealed record Qualification
{
    public long? PutCode { get; init; }

    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? LastModifiedDate { get; init; }

    public Source? Source { get; init; }
    public string? DepartmentName { get; init; }
    public string? RoleTitle { get; init; }
    public PartialDate? StartDate { get; init; }
    public PartialDate? EndDate { get; init; }
    public Organization? Organization { get; init; }

    [JsonConverter(typeof(ValueWrapperConverter))]
    public string? Url { get; init; }

    [JsonConverter(typeof(ExternalIdsConverter))]
    public IReadOnlyList<ExternalId> ExternalIds { get; init; } = [];

    public Visibility? Visibility { get; init; }
    public string? Path { get; init; }

    /// <summary>The <c>self</c> external ids ORCID compares to refuse a duplicate from the same client.</summary>
    [JsonIgnore]
    public IEnumerable<ExternalId> SelfExternalIds => ExternalIds.Where(id => id.IsSelf);
}
