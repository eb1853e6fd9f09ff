namespace Consortium.Grains.Badges.Rdf;

/// <summary>The active context of JSON-LD 1.1 expansion (Processing Algorithms, section 4.1): the terms in scope, the vocabulary
/// mapping, the default language and direction, and the context to return to when a type-scoped context stops applying.</summary>
internal sealed class ActiveContext
{
    public Dictionary<string, TermDefinition> Terms { get; private init; } = new(StringComparer.Ordinal);
    public string? Vocab { get; set; }
    public string? Language { get; set; }
    public string? Direction { get; set; }
    /// <summary>Set by a context that does not propagate (a type-scoped one): what node objects below it are expanded with.</summary>
    public ActiveContext? Previous { get; set; }

    public static ActiveContext Empty() => new();

    public TermDefinition? this[string term] => Terms.GetValueOrDefault(term);

    public bool HasProtectedTerms => Terms.Values.Any(t => t.Protected);

    public ActiveContext Clone() => new()
    {
        Terms = new Dictionary<string, TermDefinition>(Terms, StringComparer.Ordinal),
        Vocab = Vocab,
        Language = Language,
        Direction = Direction,
        Previous = Previous,
    };
}
