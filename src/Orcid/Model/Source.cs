using System.Text.Json.Serialization;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Model;

/// <summary>Who wrote an item: a client (<see cref="SourceClientId"/>) or a person (<see cref="SourceOrcid"/>),
/// and, when a client writes on someone's behalf, the assertion origin.</summary>
public sealed record Source
{
    public OrcidIdentifier? SourceOrcid { get; init; }
    public OrcidIdentifier? SourceClientId { get; init; }
    [JsonConverter(typeof(ValueWrapperConverter))]
    public string? SourceName { get; init; }
    public OrcidIdentifier? AssertionOriginOrcid { get; init; }
    public OrcidIdentifier? AssertionOriginClientId { get; init; }
    [JsonConverter(typeof(ValueWrapperConverter))]
    public string? AssertionOriginName { get; init; }
}
