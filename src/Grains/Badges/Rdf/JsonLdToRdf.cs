using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>
/// JSON-LD 1.1 Deserialize JSON-LD to RDF (Processing Algorithms, section 6.1, with 6.1.2 Object to RDF Conversion and 6.1.3
/// List to RDF Conversion) over an expanded document, with <c>rdfDirection</c> <c>i18n-datatype</c> as the eddsa-rdfc-2022
/// cryptosuite asks. It walks the expanded tree rather than building the node map first: the quads are the same set, and blank
/// node labels do not matter because RDFC-1.0 relabels them. Relative IRIs and blank node predicates, which safe mode refuses,
/// are refused.
/// </summary>
internal sealed class JsonLdToRdf
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private static readonly Iri RdfType = new(Rdf + "type");
    private static readonly Iri RdfFirst = new(Rdf + "first");
    private static readonly Iri RdfRest = new(Rdf + "rest");
    private static readonly Iri RdfNil = new(Rdf + "nil");

    private readonly List<Quad> _quads = [];
    private readonly Dictionary<string, BlankNode> _labels = new(StringComparer.Ordinal);
    private int _blankNodes;

    public static List<Quad> Convert(JsonArray expanded)
    {
        var converter = new JsonLdToRdf();
        foreach (var node in expanded)
        {
            converter.Node(node as JsonObject ?? throw ContextProcessor.Fail("the document's top level holds no node."), null);
        }
        return converter._quads;
    }

    /// <summary>A node object's statements into <paramref name="graph"/>, and what names it; a graph object's contents into the
    /// graph it names.</summary>
    private RdfTerm Node(JsonObject node, RdfTerm? graph)
    {
        var subject = node["@id"] is JsonValue id ? Resource(id.GetValue<string>()) : Fresh();
        if (node["@graph"] is JsonArray contents)
        {
            foreach (var inner in contents)
            {
                Node(inner as JsonObject ?? throw ContextProcessor.Fail("a graph holds something other than nodes."), subject);
            }
        }
        foreach (var (property, values) in node)
        {
            if (property == "@type")
            {
                foreach (var type in values!.AsArray())
                {
                    _quads.Add(new Quad(subject, RdfType, Resource(type!.GetValue<string>()), graph));
                }
                continue;
            }
            if (property == "@reverse")
            {
                throw ContextProcessor.Fail("@reverse is not supported.");
            }
            if (Keywords.Is(property))
            {
                continue;
            }
            if (property.StartsWith("_:", StringComparison.Ordinal))
            {
                throw ContextProcessor.Fail($"the property {property} is a blank node.");
            }
            var predicate = new Iri(property);
            foreach (var item in values!.AsArray())
            {
                _quads.Add(new Quad(subject, predicate, Object((JsonObject)item!, graph), graph));
            }
        }
        return subject;
    }

    private RdfTerm Object(JsonObject item, RdfTerm? graph)
    {
        if (item.ContainsKey("@value"))
        {
            return LiteralOf(item);
        }
        if (item["@list"] is JsonArray list)
        {
            return List(list, graph);
        }
        return Node(item, graph);
    }

    /// <summary>6.1.3: <c>rdf:first</c>/<c>rdf:rest</c> through fresh blank nodes, ending in <c>rdf:nil</c>.</summary>
    private RdfTerm List(JsonArray list, RdfTerm? graph)
    {
        if (list.Count == 0)
        {
            return RdfNil;
        }
        var cells = list.Select(_ => Fresh()).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            _quads.Add(new Quad(cells[i], RdfFirst, Object((JsonObject)list[i]!, graph), graph));
            _quads.Add(new Quad(cells[i], RdfRest, i + 1 < cells.Count ? cells[i + 1] : RdfNil, graph));
        }
        return cells[0];
    }

    /// <summary>6.1.2 steps 4–13, with jsonld.js's forms of numbers.</summary>
    private static Literal LiteralOf(JsonObject item)
    {
        var value = item["@value"]!;
        var datatype = item["@type"]?.GetValue<string>();
        if (datatype == "@json")
        {
            return new Literal(JsonCanonicalizer.Write(value), Rdf + "JSON");
        }
        var kind = value.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return new Literal(kind == JsonValueKind.True ? "true" : "false", datatype ?? Xsd + "boolean");
        }
        if (kind == JsonValueKind.Number || datatype == Xsd + "double")
        {
            var number = kind == JsonValueKind.Number ? EcmaScriptNumber.Of(value)
                : double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : throw ContextProcessor.Fail($"{value.ToJsonString()} is not a number.");
            return EcmaScriptNumber.IsDouble(number) || datatype == Xsd + "double"
                ? new Literal(EcmaScriptNumber.XsdDouble(number), datatype ?? Xsd + "double")
                : new Literal(EcmaScriptNumber.Integer(number), datatype ?? Xsd + "integer");
        }
        var text = value.GetValue<string>();
        var language = item["@language"]?.GetValue<string>();
        if (item["@direction"] is JsonValue direction)
        {
            return new Literal(text, $"https://www.w3.org/ns/i18n#{language?.ToLowerInvariant()}_{direction.GetValue<string>()}");
        }
        return language is not null ? new Literal(text, Literal.LangString, language) : new Literal(text, datatype ?? Literal.XsdString);
    }

    private RdfTerm Resource(string iri)
    {
        if (iri.StartsWith("_:", StringComparison.Ordinal))
        {
            return _labels.TryGetValue(iri, out var known) ? known : _labels[iri] = Fresh();
        }
        return Keywords.IsAbsoluteIri(iri) ? new Iri(iri) : throw ContextProcessor.Fail($"{iri} is a relative IRI.");
    }

    private BlankNode Fresh() => new("b" + _blankNodes++);
}
