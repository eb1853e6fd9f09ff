namespace Consortium.Grains.Badges.Rdf;

/// <summary>A node or value of an RDF dataset (RDF 1.1 Concepts, section 3): an IRI, a blank node or a literal.</summary>
public abstract record RdfTerm;

public sealed record Iri(string Value) : RdfTerm;

/// <param name="Label">The blank node identifier without its <c>_:</c> prefix.</param>
public sealed record BlankNode(string Label) : RdfTerm;

/// <param name="Language">Set only when <paramref name="Datatype"/> is <see cref="Literal.LangString"/>.</param>
public sealed record Literal(string Value, string Datatype, string? Language = null) : RdfTerm
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string LangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
}

/// <summary>One statement of a dataset; <see cref="Graph"/> null is the default graph.</summary>
public sealed record Quad(RdfTerm Subject, Iri Predicate, RdfTerm Object, RdfTerm? Graph);
