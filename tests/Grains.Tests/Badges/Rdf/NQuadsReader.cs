using System.Globalization;
using System.Text;
using Consortium.Grains.Badges.Rdf;

namespace Consortium.Grains.Tests.Badges.Rdf;

/// <summary>Reads the N-Quads of the W3C rdf-canon test cases (RDF 1.1 N-Quads grammar: IRIs, blank nodes, literals with
/// language or datatype, UCHAR and ECHAR escapes) into quads for <see cref="Rdfc10"/>.</summary>
public static class NQuadsReader
{
    public static List<Quad> Read(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(ReadLine)];

    private static Quad ReadLine(string line)
    {
        var at = 0;
        var subject = Term(line, ref at);
        var predicate = (Iri)Term(line, ref at);
        var @object = Term(line, ref at);
        Skip(line, ref at);
        var graph = line[at] == '.' ? null : Term(line, ref at);
        return new Quad(subject, predicate, @object, graph);
    }

    private static RdfTerm Term(string line, ref int at)
    {
        Skip(line, ref at);
        switch (line[at])
        {
            case '<':
                return new Iri(Until(line, ref at, '>'));
            case '_':
                var start = at + 2;
                at = start;
                while (at < line.Length && !char.IsWhiteSpace(line[at]))
                {
                    at++;
                }
                return new BlankNode(line[start..at]);
            case '"':
                var value = Until(line, ref at, '"');
                if (at < line.Length && line[at] == '@')
                {
                    var from = ++at;
                    while (at < line.Length && !char.IsWhiteSpace(line[at]))
                    {
                        at++;
                    }
                    return new Literal(value, Literal.LangString, line[from..at]);
                }
                if (at + 1 < line.Length && line[at] == '^' && line[at + 1] == '^')
                {
                    at += 2;
                    return new Literal(value, Until(line, ref at, '>'));
                }
                return new Literal(value, Literal.XsdString);
            default:
                throw new FormatException($"Unexpected '{line[at]}' at {at} in: {line}");
        }
    }

    /// <summary>The text after the opening character at <paramref name="at"/> up to <paramref name="end"/>, unescaped.</summary>
    private static string Until(string line, ref int at, char end)
    {
        var text = new StringBuilder();
        for (at++; line[at] != end; at++)
        {
            if (line[at] != '\\')
            {
                text.Append(line[at]);
                continue;
            }
            var escape = line[++at];
            switch (escape)
            {
                case 'u':
                    text.Append((char)int.Parse(line.AsSpan(at + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    at += 4;
                    break;
                case 'U':
                    text.Append(char.ConvertFromUtf32(int.Parse(line.AsSpan(at + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    at += 8;
                    break;
                default:
                    text.Append(escape switch { 't' => '\t', 'b' => '\b', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => escape });
                    break;
            }
        }
        at++;
        return text.ToString();
    }

    private static void Skip(string line, ref int at)
    {
        while (char.IsWhiteSpace(line[at]))
        {
            at++;
        }
    }
}
