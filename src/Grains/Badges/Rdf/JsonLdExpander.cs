using System.Text.Json;
using System.Text.Json.Nodes;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>
/// JSON-LD 1.1 Expansion (Processing Algorithms, section 5.1.2, and Value Expansion, 5.3.2) in safe mode, as Data Integrity's
/// cryptosuites run it (jsonld.js <c>safe: true</c>): whatever plain expansion would silently drop (a property no context
/// defines, a relative IRI, an empty or id-only node at the top, a free-floating value) is refused, because a signature must
/// never cover less than the credential says.
/// </summary>
internal static class JsonLdExpander
{
    private static readonly HashSet<string> ValueObjectKeys = ["@direction", "@index", "@language", "@type", "@value"];

    /// <summary>A whole document, expanded to an array of node objects (section 9.2, <c>expand()</c> steps 8–9).</summary>
    public static JsonArray Expand(JsonNode document)
    {
        var expanded = Expand(ActiveContext.Empty(), null, document, fromMap: false, insideList: false);
        if (expanded is JsonObject only && only.Count == 1 && only["@graph"] is { } graph)
        {
            expanded = graph;
        }
        return expanded switch
        {
            null => [],
            JsonArray array => array,
            _ => [expanded],
        };
    }

    private static JsonNode? Expand(ActiveContext active, string? property, JsonNode? element, bool fromMap, bool insideList)
    {
        // Steps 1–3.
        if (element is null)
        {
            return null;
        }
        var definition = property is null ? null : active[property];
        var scoped = definition is { HasContext: true } ? definition.Context : null;
        var hasScoped = definition is { HasContext: true };
        // Step 4: a scalar.
        if (element is JsonValue scalar)
        {
            if (!insideList && (property is null || ContextProcessor.ExpandIri(active, property, vocab: true) == "@graph"))
            {
                throw Unsafe($"the value {scalar.ToJsonString()} belongs to no property.");
            }
            return ExpandValue(hasScoped ? ContextProcessor.Process(active, scoped?.DeepClone(), [], overrideProtected: true) : active, property, scalar);
        }
        // Step 5: an array.
        if (element is JsonArray items)
        {
            var list = insideList || (definition?.Container.Contains("@list") ?? false);
            var result = new JsonArray();
            foreach (var item in items)
            {
                var expanded = Expand(active, property, item, fromMap, list);
                if (list && expanded is JsonArray nested)
                {
                    expanded = new JsonObject { ["@list"] = nested };
                }
                Append(result, expanded);
            }
            return result;
        }
        return ExpandObject(active, property, (JsonObject)element, definition, scoped, hasScoped, fromMap, insideList);
    }

    private static JsonNode? ExpandObject(ActiveContext active, string? property, JsonObject element, TermDefinition? definition,
        JsonNode? scoped, bool hasScoped, bool fromMap, bool insideList)
    {
        // Step 7: a type-scoped context stops at the next node object.
        if (active.Previous is { } previous && !fromMap)
        {
            var keys = element.Select(e => ContextProcessor.ExpandIri(active, e.Key, vocab: true)).ToList();
            if (!keys.Contains("@value") && !(keys.Count == 1 && keys[0] == "@id"))
            {
                active = previous;
            }
        }
        // Steps 8–9.
        if (hasScoped)
        {
            active = ContextProcessor.Process(active, scoped?.DeepClone(), [], overrideProtected: true);
        }
        if (element.TryGetPropertyValue("@context", out var local))
        {
            active = ContextProcessor.Process(active, local?.DeepClone(), []);
        }
        // Steps 10–11: contexts scoped to the node's types, each looked up where the types are named.
        var typeScoped = active;
        var sortedKeys = element.Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        var typeKeys = sortedKeys.Where(k => ContextProcessor.ExpandIri(active, k, vocab: true) == "@type").ToList();
        foreach (var key in typeKeys)
        {
            foreach (var type in Strings(element[key]).Order(StringComparer.Ordinal))
            {
                if (typeScoped[type] is { HasContext: true } typeDefinition)
                {
                    active = ContextProcessor.Process(active, typeDefinition.Context?.DeepClone(), [], propagate: false);
                }
            }
        }
        // Step 12.
        var inputType = typeKeys.Count > 0 && Strings(element[typeKeys[0]]).LastOrDefault() is { } last
            ? ContextProcessor.ExpandIri(typeScoped, last, vocab: true)
            : null;
        // Step 13.
        var result = new JsonObject();
        foreach (var key in sortedKeys)
        {
            if (key == "@context")
            {
                continue;
            }
            var value = element[key];
            var expandedProperty = ContextProcessor.ExpandIri(active, key, vocab: true);
            if (expandedProperty is null || (!Keywords.Is(expandedProperty) && !expandedProperty.Contains(':')))
            {
                throw Unsafe($"the property {key} is not defined by the credential's contexts.");
            }
            if (Keywords.Is(expandedProperty))
            {
                ExpandKeyword(active, typeScoped, property, result, key, expandedProperty, value, inputType, fromMap, insideList);
                continue;
            }
            var term = active[key];
            var container = term?.Container ?? new HashSet<string>();
            var expandedValue = term?.Type == "@json"
                ? new JsonObject { ["@value"] = value?.DeepClone(), ["@type"] = "@json" }
                : Expand(active, key, value, fromMap: false, insideList: false);
            if (expandedValue is null)
            {
                continue;
            }
            if (container.Contains("@list") && !IsList(expandedValue))
            {
                expandedValue = new JsonObject { ["@list"] = AsArray(expandedValue) };
            }
            if (container.Contains("@graph"))
            {
                expandedValue = new JsonArray([.. AsArray(expandedValue).Select(v => (JsonNode)new JsonObject { ["@graph"] = AsArray(v?.DeepClone()) })]);
            }
            if (result[expandedProperty] is not JsonArray values)
            {
                result[expandedProperty] = values = [];
            }
            Append(values, expandedValue);
        }
        return Finish(active, property, result, insideList);
    }

    /// <summary>Step 13.4: a keyword entry of the node.</summary>
    private static void ExpandKeyword(ActiveContext active, ActiveContext typeScoped, string? property, JsonObject result, string key,
        string keyword, JsonNode? value, string? inputType, bool fromMap, bool insideList)
    {
        if (result.ContainsKey(keyword) && keyword != "@type")
        {
            throw Fail($"{key} repeats the keyword {keyword}.");
        }
        JsonNode? expanded;
        switch (keyword)
        {
            case "@id":
                var id = value is JsonValue v && v.TryGetValue<string>(out var idText) ? idText : throw Fail("@id must be a string.");
                expanded = ContextProcessor.ExpandIri(active, id, vocab: false) is { } iri && Keywords.IsAbsoluteIri(iri)
                    ? iri
                    : throw Unsafe($"the id {id} is not an absolute IRI.");
                break;
            case "@type":
                var types = result["@type"] as JsonArray ?? [];
                foreach (var type in Strings(value, strict: true))
                {
                    types.Add(ContextProcessor.ExpandIri(typeScoped, type, vocab: true) is { } typeIri && Keywords.IsAbsoluteIri(typeIri)
                        ? typeIri
                        : throw Unsafe($"the type {type} is not defined by the credential's contexts."));
                }
                result["@type"] = null;
                expanded = types;
                break;
            case "@graph":
                expanded = AsArray(Expand(active, "@graph", value, fromMap, insideList: false));
                break;
            case "@value":
                if (value is null)
                {
                    throw Unsafe("a value is null.");
                }
                expanded = inputType == "@json" || value is JsonValue ? value.DeepClone() : throw Fail("@value must be a string, number or boolean.");
                break;
            case "@language":
                expanded = value is JsonValue l && l.TryGetValue<string>(out var language) ? language.ToLowerInvariant() : throw Fail("@language must be a string.");
                break;
            case "@direction":
                expanded = value is JsonValue d && d.TryGetValue<string>(out var direction) && direction is "ltr" or "rtl" ? direction : throw Fail("@direction must be \"ltr\" or \"rtl\".");
                break;
            case "@index":
                expanded = value is JsonValue x && x.TryGetValue<string>(out var index) ? index : throw Fail("@index must be a string.");
                break;
            case "@list":
                if (property is null || ContextProcessor.ExpandIri(active, property, vocab: true) == "@graph")
                {
                    throw Unsafe("a list belongs to no property.");
                }
                expanded = AsArray(Expand(active, property, value, fromMap, insideList: true));
                break;
            case "@set":
                expanded = Expand(active, property, value, fromMap, insideList);
                break;
            default:
                throw Fail($"{keyword} is not supported.");
        }
        if (expanded is not null)
        {
            result[keyword] = expanded;
        }
    }

    /// <summary>Steps 15–19: value, list and set objects checked; what would be dropped at the top is refused.</summary>
    private static JsonNode? Finish(ActiveContext active, string? property, JsonObject result, bool insideList)
    {
        JsonNode? finished = result;
        if (result.ContainsKey("@value"))
        {
            if (result.Any(e => !ValueObjectKeys.Contains(e.Key)))
            {
                throw Fail($"a value object may only hold {string.Join(", ", ValueObjectKeys)}.");
            }
            if (result["@type"] is JsonArray types)
            {
                result["@type"] = types.Count == 1 ? types[0]!.DeepClone() : throw Fail("a value has more than one type.");
            }
            var type = result["@type"]?.GetValue<string>();
            if (type != "@json")
            {
                if (result.ContainsKey("@language") && result["@value"]!.GetValueKind() != JsonValueKind.String)
                {
                    throw Fail("only a string may have a language.");
                }
                if (type is not null && (!Keywords.IsAbsoluteIri(type) || type.StartsWith("_:", StringComparison.Ordinal)))
                {
                    throw Fail($"the datatype {type} is not an IRI.");
                }
            }
        }
        else if (result.ContainsKey("@set") || result.ContainsKey("@list"))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey("@index")))
            {
                throw Fail("a list or set object may only have an @index beside it.");
            }
            if (result.ContainsKey("@set"))
            {
                finished = result["@set"]?.DeepClone();
            }
        }
        else if (result.Count == 1 && result.ContainsKey("@language"))
        {
            throw Unsafe("an object holds only a language.");
        }
        if (finished is JsonObject node && !insideList
            && (property is null || ContextProcessor.ExpandIri(active, property, vocab: true) == "@graph" || (active[property]?.Container.Contains("@graph") ?? false))
            && (node.Count == 0 || node.ContainsKey("@value") || node.ContainsKey("@list") || (node.Count == 1 && node.ContainsKey("@id"))))
        {
            throw Unsafe(node.Count == 0 ? "an object is empty." : "an object at the top holds no statements.");
        }
        return finished;
    }

    /// <summary>5.3.2: a scalar, given its property's type, language and direction.</summary>
    private static JsonObject ExpandValue(ActiveContext active, string? property, JsonValue value)
    {
        var definition = property is null ? null : active[property];
        var isString = value.TryGetValue<string>(out var text);
        if (isString && definition?.Type is "@id" or "@vocab")
        {
            return new JsonObject { ["@id"] = ContextProcessor.ExpandIri(active, text, vocab: definition.Type == "@vocab") };
        }
        var result = new JsonObject { ["@value"] = value.DeepClone() };
        if (definition?.Type is { } type and not ("@id" or "@vocab" or "@none"))
        {
            result["@type"] = type;
        }
        else if (isString)
        {
            var language = definition?.Language is { IsSet: true } l ? l.Value : active.Language;
            var direction = definition?.Direction is { IsSet: true } d ? d.Value : active.Direction;
            if (language is not null)
            {
                result["@language"] = language;
            }
            if (direction is not null)
            {
                result["@direction"] = direction;
            }
        }
        return result;
    }

    private static bool IsList(JsonNode node) => node is JsonObject o && o.ContainsKey("@list");

    private static JsonArray AsArray(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array,
        _ => [node],
    };

    private static void Append(JsonArray into, JsonNode? expanded)
    {
        if (expanded is JsonArray many)
        {
            foreach (var item in many.ToList())
            {
                many.Remove(item);
                into.Add(item);
            }
        }
        else if (expanded is not null)
        {
            into.Add(expanded);
        }
    }

    private static IEnumerable<string> Strings(JsonNode? value, bool strict = false) => value switch
    {
        JsonValue one when one.TryGetValue<string>(out var text) => [text],
        JsonArray many => many.Select(v => v is JsonValue s && s.TryGetValue<string>(out var text) ? text : strict ? throw Fail("@type must hold strings.") : null).OfType<string>().ToList(),
        _ when strict => throw Fail("@type must be a string or an array of strings."),
        _ => [],
    };

    private static RdfCanonicalizationException Fail(string problem) => ContextProcessor.Fail(problem);

    /// <summary>What jsonld.js's safe mode refuses.</summary>
    private static RdfCanonicalizationException Unsafe(string problem) => ContextProcessor.Fail(problem);
}
