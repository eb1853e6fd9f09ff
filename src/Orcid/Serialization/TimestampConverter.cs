using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consortium.Orcid.Serialization;

/// <summary>ORCID timestamps: <c>{"value": epoch milliseconds}</c>.</summary>
public sealed class TimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var milliseconds = JsonSerializer.Deserialize<ValueWrapper<long?>>(ref reader, options)?.Value;
        return milliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new ValueWrapper<long?>(value?.ToUnixTimeMilliseconds()), options);
}
