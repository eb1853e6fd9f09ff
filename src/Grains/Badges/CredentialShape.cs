using System.Globalization;
using System.Text.Json.Nodes;

namespace Consortium.Grains.Badges;

/// <summary>
/// The schema check of an incoming badge: the fields and types OB 3.0 requires of an <c>AchievementCredential</c>
/// (openbadges-specification ob_v3p0, data model "AchievementCredential", "AchievementSubject", "Achievement", "Profile"),
/// in its VC 2.0 form and, as OB 3.0 asks verifiers to accept (<c>AnyAchievementCredential</c>), its VC 1.1 form
/// (<c>issuanceDate</c>, <c>expirationDate</c>). It reads the JSON; it neither fetches contexts nor expands JSON-LD.
/// </summary>
public static class CredentialShape
{
    private const string Vc2Context = "https://www.w3.org/ns/credentials/v2";
    private const string Vc1Context = "https://www.w3.org/2018/credentials/v1";
    private const string ObContextPrefix = "https://purl.imsglobal.org/spec/ob/v3p0/context";

    /// <returns>The facts the credential states, or the first problem, naming the field as the JSON does.</returns>
    public static (BadgeFacts? Facts, string? Problem) Read(JsonObject credential)
    {
        try
        {
            return (Facts(credential), null);
        }
        catch (ShapeException problem)
        {
            return (null, problem.Message);
        }
    }

    private static BadgeFacts Facts(JsonObject credential)
    {
        var contexts = Strings(credential, "@context");
        if (contexts.Count == 0 || contexts[0] is not (Vc2Context or Vc1Context))
        {
            throw new ShapeException($"@context must start with the Verifiable Credentials context ({Vc2Context}).");
        }
        if (!contexts.Any(c => c.StartsWith(ObContextPrefix, StringComparison.Ordinal)))
        {
            throw new ShapeException($"@context must include the Open Badges 3.0 context ({OpenBadgeCredential.ObContext}).");
        }
        var types = Strings(credential, "type");
        if (!types.Contains("VerifiableCredential") || !(types.Contains("OpenBadgeCredential") || types.Contains("AchievementCredential")))
        {
            throw new ShapeException("type must include VerifiableCredential and OpenBadgeCredential (or AchievementCredential).");
        }
        var vc1 = contexts[0] == Vc1Context;
        var (issuerId, issuerName) = Issuer(credential["issuer"]);
        var subject = Object(credential, "credentialSubject");
        if (!Strings(subject, "type", "credentialSubject.type").Contains("AchievementSubject"))
        {
            throw new ShapeException("credentialSubject.type must include AchievementSubject.");
        }
        var subjectId = OptionalString(subject, "id", "credentialSubject.id");
        if (subjectId is null && subject["identifier"] is not JsonArray)
        {
            throw new ShapeException("credentialSubject must name its holder: an id or identifier entries.");
        }
        var achievement = Object(subject, "achievement", "credentialSubject.achievement");
        const string a = "credentialSubject.achievement";
        if (!Strings(achievement, "type", $"{a}.type").Contains("Achievement"))
        {
            throw new ShapeException($"{a}.type must include Achievement.");
        }
        var criteria = Object(achievement, "criteria", $"{a}.criteria");
        if (criteria["id"] is null && criteria["narrative"] is null)
        {
            throw new ShapeException($"{a}.criteria needs an id or a narrative.");
        }
        _ = RequiredString(achievement, "description", $"{a}.description");
        return new BadgeFacts(
            Uri(RequiredString(credential, "id", "id"), "id"),
            RequiredString(credential, "name", "name"),
            issuerId,
            issuerName,
            subjectId,
            Uri(RequiredString(achievement, "id", $"{a}.id"), $"{a}.id"),
            RequiredString(achievement, "name", $"{a}.name"),
            Date(credential, vc1 ? "issuanceDate" : "validFrom") ?? throw new ShapeException($"{(vc1 ? "issuanceDate" : "validFrom")} is required."),
            Date(credential, vc1 ? "expirationDate" : "validUntil"),
            Status(credential["credentialStatus"]));
    }

    private static (string Id, string? Name) Issuer(JsonNode? issuer) => issuer switch
    {
        JsonValue value when value.TryGetValue<string>(out var id) => (Uri(id, "issuer"), null),
        JsonObject profile when Strings(profile, "type", "issuer.type").Contains("Profile") =>
            (Uri(RequiredString(profile, "id", "issuer.id"), "issuer.id"), OptionalString(profile, "name", "issuer.name")),
        JsonObject => throw new ShapeException("issuer.type must include Profile."),
        _ => throw new ShapeException("issuer is required: the issuer's Profile or its id."),
    };

    /// <summary>The revocation entry, if it is a Bitstring Status List one; other status types (1EdTech's revocation list)
    /// are not read, and the evidence says so.</summary>
    private static BadgeStatusEntry? Status(JsonNode? status)
    {
        if (status is null)
        {
            return null;
        }
        var entries = status is JsonArray many ? many.OfType<JsonObject>().ToList() : status is JsonObject one ? [one] : throw new ShapeException("credentialStatus must be an object.");
        foreach (var entry in entries)
        {
            if (OptionalString(entry, "type", "credentialStatus.type") != "BitstringStatusListEntry"
                || OptionalString(entry, "statusPurpose", "credentialStatus.statusPurpose") != "revocation")
            {
                continue;
            }
            var list = Uri(RequiredString(entry, "statusListCredential", "credentialStatus.statusListCredential"), "credentialStatus.statusListCredential");
            return int.TryParse(RequiredString(entry, "statusListIndex", "credentialStatus.statusListIndex"), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? new BadgeStatusEntry(list, index)
                : throw new ShapeException("credentialStatus.statusListIndex must be a non-negative integer.");
        }
        return null;
    }

    private static JsonObject Object(JsonObject parent, string name, string? field = null) =>
        parent[name] as JsonObject ?? throw new ShapeException($"{field ?? name} is required and must be an object.");

    /// <summary>A string or an array of strings (JSON-LD allows both for <c>type</c> and <c>@context</c>); map entries of a context are skipped.</summary>
    private static List<string> Strings(JsonObject parent, string name, string? field = null) => parent[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var one) => [one],
        JsonArray many => [.. many.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()],
        null => throw new ShapeException($"{field ?? name} is required."),
        _ => throw new ShapeException($"{field ?? name} must be a string or an array of strings."),
    };

    private static string RequiredString(JsonObject parent, string name, string field) =>
        OptionalString(parent, name, field) is { Length: > 0 } value ? value : throw new ShapeException($"{field} is required.");

    private static string? OptionalString(JsonObject parent, string name, string field) => parent[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => throw new ShapeException($"{field} must be a string."),
    };

    private static string Uri(string value, string field) =>
        System.Uri.TryCreate(value, UriKind.Absolute, out _) ? value : throw new ShapeException($"{field} must be a URI, not '{value}'.");

    private static DateTimeOffset? Date(JsonObject credential, string name) =>
        OptionalString(credential, name, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date
        : throw new ShapeException($"{name} must be a date and time, like 2026-01-31T00:00:00Z.");

    private sealed class ShapeException(string message) : Exception(message);
}
