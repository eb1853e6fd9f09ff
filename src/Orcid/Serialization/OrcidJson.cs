using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consortium.Orcid.Serialization;

/// <summary>ORCID's JSON (<c>application/vnd.orcid+json</c>): the XML element names in kebab case,
/// with <c>{"value": ...}</c> wrappers that the converters in this folder unwrap.</summary>
public static class OrcidJson
{
    public const string MediaType = "application/vnd.orcid+json";

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
