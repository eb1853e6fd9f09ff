using System.Text.Json.Nodes;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>One term of an active context (JSON-LD 1.1 Processing Algorithms, section 4.1 "Context Processing", the term
/// definition's parts). <see cref="Iri"/> null is a term mapped to null on purpose: properties using it are dropped, which
/// safe mode refuses.</summary>
internal sealed record TermDefinition
{
    public string? Iri { get; init; }
    public bool Prefix { get; init; }
    public bool Protected { get; init; }
    /// <summary>The type mapping: <c>@id</c>, <c>@vocab</c>, <c>@json</c>, <c>@none</c> or a datatype IRI.</summary>
    public string? Type { get; init; }
    /// <summary>Set when the term names its language, even as null (which overrides the context's default).</summary>
    public Optional<string?> Language { get; init; }
    public Optional<string?> Direction { get; init; }
    public IReadOnlySet<string> Container { get; init; } = new HashSet<string>();
    /// <summary>The term's scoped context, as written; applied to the term's values or, for a type, to nodes of that type.</summary>
    public JsonNode? Context { get; init; }
    public bool HasContext { get; init; }

    /// <summary>Whether two definitions say the same apart from being protected: a protected term may only be redefined so
    /// (section 4.2.2 step 27.1).</summary>
    public bool SameAs(TermDefinition other) =>
        Iri == other.Iri && Prefix == other.Prefix && Type == other.Type && Language.Equals(other.Language) && Direction.Equals(other.Direction)
        && Container.SetEquals(other.Container) && HasContext == other.HasContext && JsonNode.DeepEquals(Context, other.Context);
}

/// <summary>A value that may be absent, so that "set to null" and "not set" differ.</summary>
internal readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);
}
