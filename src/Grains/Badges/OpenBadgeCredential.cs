using System.Text.Json.Serialization;

namespace Consortium.Grains.Badges;

// The Open Badges 3.0 document, only the parts this portal fills in. Names and shapes follow 1EdTech's spec and examples
// (openbadges-specification ob_v3p0/examples/basicOpenBadgeCredential.html and fullOpenBadge.html); OpenBadgeCredentialTests
// check every term against the OB context, vendored in tests/Grains.Tests/Badges/Vendor/.

/// <summary>An <c>OpenBadgeCredential</c> (OB 3.0 "AchievementCredential") on the W3C Verifiable Credentials 2.0 model.</summary>
public sealed record OpenBadgeCredential(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("issuer")] IssuerProfile Issuer,
    [property: JsonPropertyName("validFrom")] DateTimeOffset ValidFrom,
    [property: JsonPropertyName("validUntil")] DateTimeOffset? ValidUntil,
    [property: JsonPropertyName("credentialSubject")] AchievementSubject CredentialSubject,
    [property: JsonPropertyName("evidence")] IReadOnlyList<Evidence> Evidence,
    [property: JsonPropertyName("credentialStatus")] StatusListEntry CredentialStatus)
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    [JsonPropertyName("@context"), JsonPropertyOrder(-2)] public IReadOnlyList<string> Context => [VcContext, ObContext];

    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public IReadOnlyList<string> Type => ["VerifiableCredential", "OpenBadgeCredential"];
}

/// <summary>The issuing organisation: <c>id</c> resolves to this profile as JSON.</summary>
public sealed record IssuerProfile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("image")] Image? Image,
    [property: JsonPropertyName("otherIdentifier")] IReadOnlyList<IdentifierEntry>? OtherIdentifier)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public IReadOnlyList<string> Type => ["Profile"];
}

/// <summary>An identifier of the issuer besides its <c>id</c>, here its ROR id. OB 3.0's identifier types name no registry
/// of organisations, so it is the generic <c>identifier</c>.</summary>
public sealed record IdentifierEntry(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("identifierType")] string IdentifierType)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => "IdentifierEntry";
}

/// <summary>The researcher, named by their ORCID iD URL, which ORCID's sign-in proved.</summary>
public sealed record AchievementSubject(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("achievement")] Achievement Achievement)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public IReadOnlyList<string> Type => ["AchievementSubject"];
}

/// <summary>What was achieved: the tenant's template.</summary>
public sealed record Achievement(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("criteria")] Criteria Criteria,
    [property: JsonPropertyName("image")] Image? Image)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public IReadOnlyList<string> Type => ["Achievement"];
}

public sealed record Criteria([property: JsonPropertyName("narrative")] string Narrative);

public sealed record Image([property: JsonPropertyName("id")] string Id)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => "Image";
}

public sealed record Evidence(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public IReadOnlyList<string> Type => ["Evidence"];
}

/// <summary>Where a verifier reads whether the credential is revoked (W3C Bitstring Status List, <c>BitstringStatusListEntry</c>).</summary>
public sealed record StatusListEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("statusListIndex")] string StatusListIndex,
    [property: JsonPropertyName("statusListCredential")] string StatusListCredential)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => "BitstringStatusListEntry";

    [JsonPropertyName("statusPurpose")] public string StatusPurpose => "revocation";
}
