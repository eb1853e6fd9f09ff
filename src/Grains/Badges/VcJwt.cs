using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Consortium.Grains.Badges;

/// <summary>The JWT payload of a credential: the credential itself with the claims OB 3.0 asks for beside it
/// (openbadges-specification ob_v3p0/integrity.md, "JWT Payload Format": <c>iss</c> = issuer.id, <c>jti</c> = id,
/// <c>sub</c> = credentialSubject.id, <c>nbf</c> = validFrom, <c>exp</c> = validUntil when there is one).</summary>
public static class VcJwt
{
    /// <summary>The media type of VC-JOSE-COSE, which OB 3.0 points to for the JWT proof.</summary>
    public const string MediaType = "application/vc+jwt";

    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcSecondsConverter() },
    };

    public static string Payload(OpenBadgeCredential credential) =>
        Payload(JsonSerializer.SerializeToNode(credential, Json)!.AsObject(), credential.Issuer.Id, credential.Id, credential.CredentialSubject.Id,
            credential.ValidFrom, credential.ValidUntil);

    public static string Payload(StatusListCredential credential) =>
        Payload(JsonSerializer.SerializeToNode(credential, Json)!.AsObject(), credential.Issuer, credential.Id, credential.CredentialSubject.Id,
            credential.ValidFrom, validUntil: null);

    private static string Payload(JsonObject claims, string issuer, string id, string subject, DateTimeOffset validFrom, DateTimeOffset? validUntil)
    {
        claims["iss"] = issuer;
        claims["jti"] = id;
        claims["sub"] = subject;
        claims["nbf"] = validFrom.ToUnixTimeSeconds();
        if (validUntil is { } until)
        {
            claims["exp"] = until.ToUnixTimeSeconds();
        }
        return claims.ToJsonString();
    }

    /// <summary>VC dates as <c>2026-01-31T00:00:00Z</c>: UTC, whole seconds, as the spec's examples write them.</summary>
    private sealed class UtcSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
    }
}
