using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>
/// The JSON-LD contexts this processor knows, vendored as embedded resources (Contexts/, see PROVENANCE.md there). A context
/// is never fetched: a credential naming any other is refused, so what a signature covers cannot change with a server's answer.
/// </summary>
public static class KnownContexts
{
    public const string CredentialsV2 = "https://www.w3.org/ns/credentials/v2";
    public const string OpenBadgesV303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private static readonly FrozenDictionary<string, string> Resources = new Dictionary<string, string>
    {
        [CredentialsV2] = "credentials-v2.jsonld",
        [OpenBadgesV303] = "ob-context-3.0.3.json",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, JsonNode> Documents =
        Resources.ToFrozenDictionary(r => r.Key, r => Load(r.Value), StringComparer.Ordinal);

    public static IEnumerable<string> Urls => Resources.Keys;

    /// <returns>The value of the context document's <c>@context</c> entry; a fresh copy, free to be kept.</returns>
    /// <exception cref="RdfCanonicalizationException">The URL is not one of the vendored contexts.</exception>
    public static JsonNode Get(string url) =>
        Documents.TryGetValue(url, out var document)
            ? document.DeepClone()
            : throw new RdfCanonicalizationException($"context {url} is not known: only {string.Join(", ", Resources.Keys)} are (contexts are never fetched).");

    private static JsonNode Load(string name)
    {
        using var stream = typeof(KnownContexts).Assembly.GetManifestResourceStream("contexts/" + name)
            ?? throw new InvalidOperationException($"The embedded context {name} is missing from the build.");
        return JsonNode.Parse(stream)?["@context"] ?? throw new InvalidOperationException($"The embedded context {name} has no @context.");
    }
}
