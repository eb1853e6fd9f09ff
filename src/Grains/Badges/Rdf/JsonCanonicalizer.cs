using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>The JSON Canonicalization Scheme (RFC 8785), which JSON-LD 1.1 uses for the lexical form of <c>@json</c> literals
/// (JSON-LD 1.1 Processing Algorithms, 6.1.2 "Object to RDF Conversion", step 6): members sorted by their names' UTF-16 code
/// units, numbers as JavaScript writes them, strings with the fewest escapes.</summary>
internal static class JsonCanonicalizer
{
    public static string Write(JsonNode? node) => Write(new StringBuilder(), node).ToString();

    private static StringBuilder Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return text.Append("null");
            case JsonObject map:
                text.Append('{');
                var first = true;
                foreach (var (name, member) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    Write(String(text, name).Append(':'), member);
                }
                return text.Append('}');
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    Write(text.Append(i == 0 ? "" : ","), array[i]);
                }
                return text.Append(']');
            default:
                var value = (JsonValue)node;
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => String(text, value.GetValue<string>()),
                    JsonValueKind.Number => text.Append(EcmaScriptNumber.ToString(EcmaScriptNumber.Of(value))),
                    JsonValueKind.True => text.Append("true"),
                    JsonValueKind.False => text.Append("false"),
                    _ => text.Append("null"),
                };
        }
    }

    private static StringBuilder String(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"');
    }
}
