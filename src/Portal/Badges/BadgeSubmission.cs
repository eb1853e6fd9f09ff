using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges;

namespace Consortium.Portal.Badges;

/// <summary>A badge as it came in, read into one of the forms OB 3.0 defines: a VC-JWT, or a JSON credential with an embedded proof.
/// A baked PNG gives up the credential in its <c>openbadgecredential</c> chunk.</summary>
public abstract record BadgeSubmission
{
    public sealed record Jwt(string Token) : BadgeSubmission;

    public sealed record Json(JsonObject Credential) : BadgeSubmission;

    /// <summary>Not a badge; <see cref="Problem"/> says what it is instead.</summary>
    public sealed record Unreadable(string Problem) : BadgeSubmission;

    /// <summary>A file or body: a baked PNG, a JWT, a JSON credential, or <c>{"credential": "…"}</c> around either.</summary>
    public static BadgeSubmission FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (!BakedPng.LooksLikePng(bytes))
        {
            return FromText(Encoding.UTF8.GetString(bytes));
        }
        try
        {
            return BakedPng.Extract(bytes) is { } baked
                ? FromText(baked)
                : new Unreadable($"The PNG image has no '{BakedPng.Keyword}' chunk: no credential is baked into it.");
        }
        catch (FormatException broken)
        {
            return new Unreadable(broken.Message);
        }
    }

    public static BadgeSubmission FromText(string text)
    {
        text = text.Trim();
        if (!text.StartsWith('{'))
        {
            return text.Split('.') is { Length: 3 } parts && parts.All(p => p.Length > 0)
                ? new Jwt(text)
                : new Unreadable("This is neither a VC-JWT (three base64url parts joined by dots), a JSON credential nor a baked PNG.");
        }
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return new Unreadable("The JSON could not be read.");
        }
        return body["credential"] switch
        {
            JsonValue wrapped when wrapped.TryGetValue<string>(out var inner) => FromText(inner),
            JsonObject credential => new Json(credential),
            _ => new Json(body),
        };
    }
}
