using System.Text.RegularExpressions;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>JSON-LD 1.1's keywords (JSON-LD 1.1, section 9.2 "Keywords") and the shapes of IRIs the algorithms test for.</summary>
internal static partial class Keywords
{
    private static readonly HashSet<string> All =
    [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve",
        "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    ];

    public static bool Is(string? value) => value is not null && All.Contains(value);

    /// <summary>"@" followed by letters only: reserved for future keywords, so ignored (section 4.2.2 step 6).</summary>
    public static bool LooksLikeKeyword(string value) => KeywordForm().IsMatch(value);

    /// <summary>An absolute IRI or a blank node identifier, as jsonld.js tests it (lib/url.js <c>isAbsolute</c>).</summary>
    public static bool IsAbsoluteIri(string value) => AbsoluteIri().IsMatch(value);

    /// <summary>IRIs ending in one of these may serve as a prefix of compact IRIs (section 4.2.2 step 14.2.3).</summary>
    public static bool EndsWithGenDelim(string iri) => iri.Length > 0 && ":/?#[]@".Contains(iri[^1]);

    [GeneratedRegex("^@[a-zA-Z]+$")]
    private static partial Regex KeywordForm();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+\-.]*|_):[^\s]*$")]
    private static partial Regex AbsoluteIri();
}
