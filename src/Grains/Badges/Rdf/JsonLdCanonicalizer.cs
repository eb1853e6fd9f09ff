using System.Text.Json.Nodes;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>A JSON-LD document's canonical N-Quads: expanded with the vendored contexts in safe mode, turned into RDF, and
/// canonicalised with RDFC-1.0, as the eddsa-rdfc-2022 cryptosuite's transformation step does (Data Integrity EdDSA Cryptosuites
/// v1.0, section 3.2.3).</summary>
public static class JsonLdCanonicalizer
{
    /// <exception cref="RdfCanonicalizationException">The document cannot be read as JSON-LD here; the message says why.</exception>
    public static string Canonicalize(JsonObject document) => Rdfc10.Canonicalize(JsonLdToRdf.Convert(JsonLdExpander.Expand(document)));
}
