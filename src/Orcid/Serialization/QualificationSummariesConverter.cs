using System.Text.Json;
using System.Text.Json.Serialization;
using Consortium.Orcid.Model;

namespace Consortium.Orcid.Serialization;

/// <summary>An affiliation group's <c>"summaries": [{"qualification-summary": {...}}]</c>.</summary>
public sealed class QualificationSummariesConverter : JsonConverter<IReadOnlyList<Qualification>>
{
    sealed record Entry(Qualification? QualificationSummary);

    public override bool HandleNull => true;

    public override IReadOnlyList<Qualification> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<Entry>>(ref reader, options)?
            .Select(entry => entry.QualificationSummary)
            .OfType<Qualification>()
            .ToList() ?? [];

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Qualification> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Select(q => new Entry(q)), options);
}
