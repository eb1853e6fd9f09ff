using System.Text.Json.Serialization;

namespace Consortium.Grains.Badges;

/// <summary>A <c>BitstringStatusListCredential</c> (https://www.w3.org/TR/vc-bitstring-status-list/): the tenant's
/// revocation bits for one list, itself signed by the tenant.</summary>
public sealed record StatusListCredential(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("validFrom")] DateTimeOffset ValidFrom,
    [property: JsonPropertyName("credentialSubject")] BitstringStatusList CredentialSubject)
{
    [JsonPropertyName("@context"), JsonPropertyOrder(-2)] public IReadOnlyList<string> Context => [OpenBadgeCredential.VcContext];

    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public IReadOnlyList<string> Type => ["VerifiableCredential", "BitstringStatusListCredential"];
}

public sealed record BitstringStatusList(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("encodedList")] string EncodedList)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => "BitstringStatusList";

    [JsonPropertyName("statusPurpose")] public string StatusPurpose => "revocation";
}
