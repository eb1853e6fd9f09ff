using System.Text.Json;
using System.Text.Json.Serialization;
using Consortium.Orcid.Model;

namespace Consortium.Orcid.Serialization;

/// <summary>ORCID's <c>{"external-id": [...]}</c> container; null reads as an empty list.</summary>
public sealed class ExternalIdsConverter : JsonConverter<IReadOnlyList<ExternalId>>
{
    sealed record Container(IReadOnlyList<ExternalId>? ExternalId);

    public override bool HandleNull => true;

    public override IReadOnlyList<ExternalId> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Container>(ref reader, options)?.ExternalId ?? [];

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ExternalId> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Container(value), options);
}
