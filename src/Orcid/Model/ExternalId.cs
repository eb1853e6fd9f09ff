using System.Text.Json.Serialization;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Model;

/// <summary>An identifier of the item elsewhere; a <c>self</c> one is what ORCID uses to detect duplicates.</summary>
public sealed record ExternalId
{
    public const string SelfRelationship = "self";

    public required string ExternalIdType { get; init; }
    public required string ExternalIdValue { get; init; }
    [JsonConverter(typeof(ValueWrapperConverter))]
    public string? ExternalIdUrl { get; init; }
    public string? ExternalIdRelationship { get; init; }

    [JsonIgnore]
    public bool IsSelf => ExternalIdRelationship == SelfRelationship;
}
