using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consortium.Orcid.Serialization;

/// <summary>A string ORCID wraps as <c>{"value": "..."}</c> (url, source-name, external-id-url).</summary>
public sealed class ValueWrapperConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<ValueWrapper<string?>>(ref reader, options)?.Value;

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new ValueWrapper<string?>(value), options);
}
