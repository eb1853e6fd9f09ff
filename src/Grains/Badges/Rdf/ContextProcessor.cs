using System.Text.Json.Nodes;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>
/// JSON-LD 1.1 Processing Algorithms (W3C Recommendation, 2020-07-16, https://www.w3.org/TR/json-ld11-api/): 4.1 Context
/// Processing, 4.2 Create Term Definition and 5.2 IRI Expansion; section and step numbers below are the Recommendation's.
/// Supported is what the VC 2.0 and OB 3.0 contexts and credentials use: remote contexts (from <see cref="KnownContexts"/>
/// only), <c>@version</c>, <c>@protected</c>, <c>@vocab</c>, <c>@language</c>, <c>@direction</c>, <c>@propagate</c>, type- and
/// property-scoped contexts, <c>@type</c> mappings, <c>@container</c> <c>@set</c>/<c>@list</c>/<c>@graph</c>, and <c>@prefix</c>.
/// Anything else (<c>@import</c>, <c>@base</c>, <c>@reverse</c>, <c>@nest</c>, index and language maps) is refused, not ignored.
/// </summary>
internal static class ContextProcessor
{
    private const int MaxRemoteContexts = 10;

    private static readonly HashSet<string> ContextKeywords =
        ["@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab"];

    private static readonly HashSet<string> TermEntries =
        ["@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type"];

    private static readonly HashSet<string> Containers = ["@graph", "@list", "@set"];

    /// <summary>4.1.2: the active context after <paramref name="local"/>.</summary>
    public static ActiveContext Process(ActiveContext active, JsonNode? local, IReadOnlyList<string> remote,
        bool overrideProtected = false, bool propagate = true, bool validateScoped = true)
    {
        // Steps 1–3.
        var result = active.Clone();
        if (local is JsonObject first && first["@propagate"] is JsonValue propagateValue)
        {
            propagate = propagateValue.TryGetValue<bool>(out var p) ? p : throw Fail("@propagate must be true or false.");
        }
        if (!propagate && result.Previous is null)
        {
            result.Previous = active;
        }
        // Steps 4–5.
        foreach (var context in local is JsonArray many ? [.. many] : new[] { local })
        {
            switch (context)
            {
                case null:
                    if (!overrideProtected && result.HasProtectedTerms)
                    {
                        throw Fail("a context may not be nullified while it has protected terms.");
                    }
                    result = new ActiveContext { Previous = propagate ? null : result };
                    continue;
                case JsonValue value when value.TryGetValue<string>(out var url):
                    if (!validateScoped && remote.Contains(url))
                    {
                        continue;
                    }
                    if (remote.Count >= MaxRemoteContexts)
                    {
                        throw Fail($"context {url} includes too many contexts in turn.");
                    }
                    result = Process(result, KnownContexts.Get(url), [.. remote, url], validateScoped: validateScoped);
                    continue;
                case JsonObject definition:
                    Define(result, definition, remote, overrideProtected);
                    continue;
                default:
                    throw Fail("a context must be an object, a URL or null.");
            }
        }
        return result;
    }

    /// <summary>Steps 5.5–5.13 for one context object.</summary>
    private static void Define(ActiveContext result, JsonObject context, IReadOnlyList<string> remote, bool overrideProtected)
    {
        if (context["@version"] is { } version && version.ToJsonString() != "1.1")
        {
            throw Fail("@version must be 1.1.");
        }
        if (context.ContainsKey("@import"))
        {
            throw Fail("@import is not supported.");
        }
        if (context.ContainsKey("@base") && context["@base"] is not null)
        {
            throw Fail("@base is not supported: the credential's IRIs must be absolute.");
        }
        if (context.TryGetPropertyValue("@vocab", out var vocab))
        {
            result.Vocab = vocab switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var text) => ExpandIri(result, text, vocab: true) is { } iri
                    && Keywords.IsAbsoluteIri(iri) ? iri : throw Fail($"@vocab {text} is not an absolute IRI."),
                _ => throw Fail("@vocab must be a string or null."),
            };
        }
        if (context.TryGetPropertyValue("@language", out var language))
        {
            result.Language = language switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var text) => text.ToLowerInvariant(),
                _ => throw Fail("@language must be a string or null."),
            };
        }
        if (context.TryGetPropertyValue("@direction", out var direction))
        {
            result.Direction = Direction(direction);
        }
        var scope = new Scope(context, new Dictionary<string, bool>(StringComparer.Ordinal), remote, overrideProtected,
            context["@protected"] is JsonValue flag && (flag.TryGetValue<bool>(out var f) ? f : throw Fail("@protected must be true or false.")));
        foreach (var (term, _) in context)
        {
            if (!ContextKeywords.Contains(term))
            {
                CreateTerm(result, scope, term);
            }
        }
    }

    /// <summary>A context object while its terms are being defined: which are done (<c>true</c>) or under way (<c>false</c>).</summary>
    private sealed record Scope(JsonObject Local, Dictionary<string, bool> Defined, IReadOnlyList<string> Remote, bool OverrideProtected, bool Protected)
    {
        public bool Pending(string term) => Local.ContainsKey(term) && !(Defined.TryGetValue(term, out var done) && done);
    }

    /// <summary>4.2.2: defines <paramref name="term"/> of the scope's context in <paramref name="active"/>, first the terms its IRI uses.</summary>
    private static void CreateTerm(ActiveContext active, Scope scope, string term)
    {
        var (local, defined, remote, overrideProtected, isProtected) = scope;
        // Steps 1–3.
        if (defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }
            throw Fail($"the term {term} is defined in terms of itself.");
        }
        if (term.Length == 0)
        {
            throw Fail("a term may not be empty.");
        }
        defined[term] = false;
        var value = local[term];
        // Steps 4–6.
        if (term == "@type")
        {
            if (value is not JsonObject typeEntry || typeEntry.Any(e => e.Key is not ("@container" or "@protected"))
                || (typeEntry["@container"] is { } c && c.ToJsonString() != "\"@set\""))
            {
                throw Fail("@type may only be given @container @set and @protected.");
            }
        }
        else if (Keywords.Is(term))
        {
            throw Fail($"the keyword {term} may not be redefined.");
        }
        else if (Keywords.LooksLikeKeyword(term))
        {
            defined[term] = true;
            return;
        }
        // Steps 7–10.
        var previous = active[term];
        active.Terms.Remove(term);
        var simple = false;
        JsonObject entries;
        switch (value)
        {
            case null:
                entries = new JsonObject { ["@id"] = null };
                break;
            case JsonValue text when text.TryGetValue<string>(out var iri):
                entries = new JsonObject { ["@id"] = iri };
                simple = true;
                break;
            case JsonObject map:
                entries = map;
                break;
            default:
                throw Fail($"the definition of {term} must be a string, an object or null.");
        }
        if (entries.FirstOrDefault(e => !TermEntries.Contains(e.Key)) is { Key: { } unknown })
        {
            throw Fail($"the definition of {term} has an unknown entry {unknown}.");
        }
        // Step 11–12.
        var definition = new TermDefinition
        {
            Protected = entries["@protected"] is JsonValue p ? (p.TryGetValue<bool>(out var pb) ? pb : throw Fail("@protected must be true or false.")) : isProtected,
        };
        // Step 13: the type mapping.
        if (entries.TryGetPropertyValue("@type", out var type))
        {
            var typeIri = type is JsonValue t && t.TryGetValue<string>(out var typeText)
                ? ExpandIri(active, typeText, vocab: true, scope)
                : throw Fail($"the @type of {term} must be a string.");
            if (typeIri is not ("@id" or "@json" or "@none" or "@vocab") && (typeIri is null || !Keywords.IsAbsoluteIri(typeIri) || typeIri.StartsWith("_:", StringComparison.Ordinal)))
            {
                throw Fail($"the @type of {term} must be @id, @vocab, @json, @none or an absolute IRI.");
            }
            definition = definition with { Type = typeIri };
        }
        if (entries.ContainsKey("@reverse") || entries.ContainsKey("@nest") || entries.ContainsKey("@index"))
        {
            throw Fail($"the definition of {term} uses @reverse, @nest or @index, which are not supported.");
        }
        // Steps 14–18: the IRI mapping.
        var colon = term.IndexOf(':', 1) is var at and > 0 ? at : -1;
        if (entries.TryGetPropertyValue("@id", out var id) && !(id is JsonValue same && same.TryGetValue<string>(out var sameText) && sameText == term))
        {
            if (id is null)
            {
                definition = definition with { Iri = null };
            }
            else
            {
                var iri = id is JsonValue i && i.TryGetValue<string>(out var idText)
                    ? ExpandIri(active, idText, vocab: true, scope)
                    : throw Fail($"the @id of {term} must be a string.");
                if (iri is null || (!Keywords.Is(iri) && !Keywords.IsAbsoluteIri(iri)))
                {
                    throw Fail($"the @id of {term} must be a keyword or an absolute IRI.");
                }
                if (iri == "@context")
                {
                    throw Fail("@context may not be aliased.");
                }
                if ((colon > 0 && colon < term.Length - 1) || term.Contains('/'))
                {
                    defined[term] = true;
                    if (ExpandIri(active, term, vocab: true, scope) != iri)
                    {
                        throw Fail($"the term {term} looks like an IRI but maps to another one.");
                    }
                }
                definition = definition with
                {
                    Iri = iri,
                    Prefix = !term.Contains(':') && !term.Contains('/') && simple && (Keywords.EndsWithGenDelim(iri) || iri.StartsWith("_:", StringComparison.Ordinal)),
                };
            }
        }
        else if (colon > 0)
        {
            var prefix = term[..colon];
            if (scope.Pending(prefix))
            {
                CreateTerm(active, scope, prefix);
            }
            definition = definition with
            {
                Iri = active[prefix] is { Iri: { } prefixIri } ? prefixIri + term[(colon + 1)..] : term,
            };
        }
        else if (term.Contains('/'))
        {
            definition = definition with { Iri = ExpandIri(active, term, vocab: true) };
            if (definition.Iri is null || !Keywords.IsAbsoluteIri(definition.Iri))
            {
                throw Fail($"the term {term} is a relative IRI.");
            }
        }
        else if (term == "@type")
        {
            definition = definition with { Iri = "@type" };
        }
        else
        {
            definition = definition with { Iri = active.Vocab is { } vocab ? vocab + term : throw Fail($"the term {term} has no @id and the context no @vocab.") };
        }
        // Step 19: the container mapping.
        if (entries.TryGetPropertyValue("@container", out var container))
        {
            var values = container switch
            {
                JsonValue one when one.TryGetValue<string>(out var text) => [text],
                JsonArray many => many.Select(v => v is JsonValue s && s.TryGetValue<string>(out var text) ? text : throw Fail($"the @container of {term} must hold strings.")).ToHashSet(),
                _ => throw Fail($"the @container of {term} must be a string or an array."),
            };
            if (!values.All(Containers.Contains) || (values.Contains("@list") && values.Count > 1))
            {
                throw Fail($"the @container of {term} may be @set, @list or @graph (with @set) only.");
            }
            definition = definition with { Container = values };
        }
        // Step 21: a scoped context, checked now and kept to apply where the term is used.
        if (entries.TryGetPropertyValue("@context", out var scoped))
        {
            _ = Process(active, scoped?.DeepClone(), remote, overrideProtected: true, validateScoped: false);
            definition = definition with { Context = scoped?.DeepClone(), HasContext = true };
        }
        // Steps 22–23, without @type.
        if (entries.TryGetPropertyValue("@language", out var language) && !entries.ContainsKey("@type"))
        {
            definition = definition with
            {
                Language = language switch
                {
                    null => (string?)null,
                    JsonValue v when v.TryGetValue<string>(out var text) => text.ToLowerInvariant(),
                    _ => throw Fail($"the @language of {term} must be a string or null."),
                },
            };
        }
        if (entries.TryGetPropertyValue("@direction", out var direction) && !entries.ContainsKey("@type"))
        {
            definition = definition with { Direction = Direction(direction) };
        }
        // Step 25.
        if (entries.TryGetPropertyValue("@prefix", out var prefixFlag))
        {
            if (term.Contains(':') || term.Contains('/') || prefixFlag is not JsonValue pf || !pf.TryGetValue<bool>(out var isPrefix))
            {
                throw Fail($"the @prefix of {term} must be true or false, on a term without ':' or '/'.");
            }
            definition = definition with { Prefix = isPrefix };
        }
        // Step 27: a protected term may only be redefined the same way, except from a property-scoped context.
        if (!overrideProtected && previous is { Protected: true })
        {
            if (!definition.SameAs(previous))
            {
                throw Fail($"the protected term {term} may not be redefined.");
            }
            definition = previous;
        }
        active.Terms[term] = definition;
        defined[term] = true;
    }

    /// <summary>5.2.2: a term, compact IRI or IRI expanded against the active context (the vocabulary mapping too when
    /// <paramref name="vocab"/>); null when it maps to nothing. There is no base IRI, so a relative reference comes back as it is.</summary>
    /// <param name="scope">The context being processed, when terms it defines may be needed first.</param>
    public static string? ExpandIri(ActiveContext active, string? value, bool vocab) =>
        ExpandIri(active, value, vocab, null);

    private static string? ExpandIri(ActiveContext active, string? value, bool vocab, Scope? scope)
    {
        // Steps 1–3.
        if (value is null || Keywords.Is(value))
        {
            return value;
        }
        if (Keywords.LooksLikeKeyword(value))
        {
            return null;
        }
        if (scope is not null && scope.Pending(value))
        {
            CreateTerm(active, scope, value);
        }
        // Steps 4–5.
        if (active[value] is { } term)
        {
            if (Keywords.Is(term.Iri))
            {
                return term.Iri;
            }
            if (vocab)
            {
                return term.Iri;
            }
        }
        // Step 6: a compact IRI, a blank node or an absolute IRI.
        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }
            if (scope is not null && scope.Pending(prefix))
            {
                CreateTerm(active, scope, prefix);
            }
            if (active[prefix] is { Iri: { } prefixIri, Prefix: true })
            {
                return prefixIri + suffix;
            }
            if (Keywords.IsAbsoluteIri(value))
            {
                return value;
            }
        }
        // Steps 7–9: there is no base IRI, so a relative reference stays as it is (and safe mode refuses it where it lands).
        if (vocab && active.Vocab is { } mapping)
        {
            return mapping + value;
        }
        return value;
    }

    private static string? Direction(JsonNode? direction) => direction switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) && text is "ltr" or "rtl" => text,
        _ => throw Fail("@direction must be \"ltr\", \"rtl\" or null."),
    };

    public static RdfCanonicalizationException Fail(string problem) => new($"JSON-LD: {problem}");
}
