using System.Text.Json.Serialization;

namespace Consortium.Orcid;

/// <summary>ORCID's two separate registries. Nothing obtained in one is ever sent to the other.
/// JSON names them in lowercase ("sandbox", "production") whatever the serializer's options, as addresses and grain keys do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrcidEnvironment>))]
public enum OrcidEnvironment
{
    [JsonStringEnumMemberName("sandbox")] Sandbox,
    [JsonStringEnumMemberName("production")] Production,
}
