using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Consortium.Orcid.Model;

namespace Consortium.Orcid.Serialization;

/// <summary>ORCID partial dates: <c>{"year": {"value": "2022"}, "month": {"value": "01"}, "day": null}</c>.</summary>
public sealed class PartialDateConverter : JsonConverter<PartialDate>
{
    sealed record Parts(ValueWrapper<string>? Year, ValueWrapper<string>? Month, ValueWrapper<string>? Day);

    public override PartialDate? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parts = JsonSerializer.Deserialize<Parts>(ref reader, options);
        if (parts?.Year?.Value is not { } year)
        {
            throw new JsonException("A partial date needs a year.");
        }
        return new PartialDate(ParseNumber(year), ParseOptional(parts.Month), ParseOptional(parts.Day));
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Parts(Wrap(value.Year, "D4"), WrapOptional(value.Month), WrapOptional(value.Day)), options);

    static int? ParseOptional(ValueWrapper<string>? part) => part?.Value is { } text ? ParseNumber(text) : null;

    static int ParseNumber(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new JsonException($"'{text}' is not a number in a partial date.");

    static ValueWrapper<string> Wrap(int number, string format) => new(number.ToString(format, CultureInfo.InvariantCulture));

    static ValueWrapper<string>? WrapOptional(int? number) => number is { } n ? Wrap(n, "D2") : null;
}
