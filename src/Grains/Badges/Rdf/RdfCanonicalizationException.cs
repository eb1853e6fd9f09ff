namespace Consortium.Grains.Badges.Rdf;

/// <summary>A document that cannot be turned into canonical RDF: an unknown context, a term no context defines, a JSON-LD
/// feature outside what this processor supports, or a dataset too costly to canonicalise. The message names the cause.</summary>
public sealed class RdfCanonicalizationException(string message) : Exception(message);
