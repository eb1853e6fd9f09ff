using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges.DataIntegrity;

namespace Consortium.Portal.Badges;

/// <summary>
/// The Ed25519 key a Data Integrity proof's <c>verificationMethod</c> names, found where that proves the issuer made it:
/// a <c>did:key</c> method resolves locally, and only for an issuer whose id is that same DID; an http(s) method must lie under
/// the issuer id's origin, as a JWT's <c>kid</c> must (<see cref="PublishedKeys"/>), and is fetched from there: a controller
/// document listing it under <c>assertionMethod</c>, or the Multikey itself with the issuer as its <c>controller</c>.
/// </summary>
public sealed class DataIntegrityKeys(BadgeFetcher fetcher)
{
    private static readonly string[] KeyTypes = ["Multikey", "Ed25519VerificationKey2020"];

    /// <returns>The 32-byte public key, or null and why not.</returns>
    public async Task<(byte[]? Key, string Detail)> FindAsync(string verificationMethod, string issuerId, CancellationToken cancellation)
    {
        if (Multikey.FromDidKeyMethod(verificationMethod) is { } didKey)
        {
            return didKey.Did == issuerId
                ? (didKey.Key, $"The issuer is the did:key {issuerId}, whose key signed.")
                : (null, $"The key {verificationMethod} is a did:key, which proves nothing about the issuer {issuerId}.");
        }
        if (!Uri.TryCreate(verificationMethod, UriKind.Absolute, out var method) || method.Scheme is not ("https" or "http"))
        {
            return (null, $"The proof's verificationMethod ({verificationMethod}) is neither a did:key nor an HTTP address where the issuer publishes its key.");
        }
        if (!Uri.TryCreate(issuerId, UriKind.Absolute, out var issuer) || !PublishedKeys.SameOrigin(method, issuer))
        {
            return (null, $"The key {verificationMethod} is not published under the issuer's address ({issuerId}).");
        }
        var address = new Uri(method.GetLeftPart(UriPartial.Query));
        if (await fetcher.GetAsync(address, cancellation) is not { } body)
        {
            return (null, $"The issuer's key could not be fetched from {address}.");
        }
        return Find(body, verificationMethod, issuerId) is { } key
            ? (key, $"The issuer publishes the key {verificationMethod}.")
            : (null, $"The issuer publishes no Ed25519 key {verificationMethod} for assertions at {address}.");
    }

    private static byte[]? Find(string body, string verificationMethod, string issuerId)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return null;
        }
        if (Id(document, verificationMethod) == verificationMethod)
        {
            return Text(document, "controller") == issuerId ? KeyOf(document) : null;
        }
        // A controller document: the method must be one of its assertion methods, embedded there or among its verification methods.
        if (Id(document, verificationMethod) is { } controller && controller != issuerId)
        {
            return null;
        }
        var assertion = Items(document["assertionMethod"]).ToList();
        if (!assertion.Any(a => (a is JsonObject o ? Id(o, verificationMethod) : Resolve(a?.GetValue<string>(), verificationMethod)) == verificationMethod))
        {
            return null;
        }
        return assertion.Concat(Items(document["verificationMethod"])).OfType<JsonObject>()
            .Where(k => Id(k, verificationMethod) == verificationMethod && (Text(k, "controller") is null || Text(k, "controller") == issuerId))
            .Select(KeyOf).FirstOrDefault(k => k is not null);
    }

    private static byte[]? KeyOf(JsonObject key) =>
        KeyTypes.Contains(Text(key, "type")) ? Multikey.Decode(Text(key, "publicKeyMultibase")) : null;

    /// <summary>An id as written, a bare <c>#fragment</c> taken relative to the method's document.</summary>
    private static string? Id(JsonObject node, string verificationMethod) => Resolve(Text(node, "id"), verificationMethod);

    private static string? Resolve(string? id, string verificationMethod) =>
        id is not null && id.StartsWith('#') ? verificationMethod.Split('#')[0] + id : id;

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        null => [],
        JsonArray many => many,
        _ => [node],
    };
}
