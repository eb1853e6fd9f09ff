using System.Text;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>
/// Writes quads as canonical N-Quads, the form RDFC-1.0 hashes and returns (RDF Dataset Canonicalization, section 4.3 and
/// "Canonical N-Quads" of RDF 1.1 N-Quads): literals escape <c>"</c>, <c>\</c> and control characters (ECHAR where one exists,
/// else <c>\uXXXX</c>); IRIs escape the characters N-Quads forbids in them as <c>\uXXXX</c>.
/// </summary>
public static class NQuads
{
    public static string Line(Quad quad)
    {
        var line = new StringBuilder();
        Term(line, quad.Subject).Append(' ');
        Term(line, quad.Predicate).Append(' ');
        Term(line, quad.Object);
        if (quad.Graph is { } graph)
        {
            Term(line.Append(' '), graph);
        }
        return line.Append(" .\n").ToString();
    }

    private static StringBuilder Term(StringBuilder line, RdfTerm term) => term switch
    {
        Iri iri => IriRef(line, iri.Value),
        BlankNode node => line.Append("_:").Append(node.Label),
        Literal literal => LiteralText(line, literal),
        _ => throw new ArgumentOutOfRangeException(nameof(term)),
    };

    private static StringBuilder IriRef(StringBuilder line, string iri)
    {
        line.Append('<');
        foreach (var c in iri)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                line.Append($"\\u{(int)c:X4}");
            }
            else
            {
                line.Append(c);
            }
        }
        return line.Append('>');
    }

    private static StringBuilder LiteralText(StringBuilder line, Literal literal)
    {
        line.Append('"');
        foreach (var c in literal.Value)
        {
            line.Append(c switch
            {
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or '\u007F' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        line.Append('"');
        if (literal.Datatype == Literal.LangString)
        {
            return literal.Language is { Length: > 0 } language ? line.Append('@').Append(language) : line;
        }
        return literal.Datatype == Literal.XsdString ? line : IriRef(line.Append("^^"), literal.Datatype);
    }
}
