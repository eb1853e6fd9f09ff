using System.Security.Cryptography;
using System.Text;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>
/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 2024-05-21, https://www.w3.org/TR/rdf-canon/) with SHA-256:
/// blank nodes relabelled <c>c14n0</c>, <c>c14n1</c>, … by the hashes of their surroundings, so that the same dataset written
/// in any order, with any labels, gives the same N-Quads. Section numbers below are the Recommendation's. Where its text and the
/// implementations differ (first-degree hashes computed once, section 4.4.3 step 5), this follows digitalbazaar's rdf-canonize,
/// as the spec's own note allows.
/// </summary>
public sealed class Rdfc10
{
    private readonly Dictionary<string, List<Quad>> _quadsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _firstDegree = new(StringComparer.Ordinal);
    private readonly IdentifierIssuer _canonical = new("c14n");
    private int _maxWorkFactor;
    private long _remainingDeepIterations;

    private Rdfc10()
    {
    }

    /// <summary>The canonical N-Quads of <paramref name="dataset"/>: one line per distinct quad, sorted.</summary>
    /// <param name="maxWorkFactor">At most n^factor N-degree hashes for n blank nodes that share a first-degree hash (section 4.4
    /// asks for such a limit against poison graphs). 1 is rdf-canonize's default, so what this accepts, digitalbazaar's
    /// cryptosuite accepts too; a cycle of blank nodes needs more.</param>
    /// <exception cref="RdfCanonicalizationException">The dataset needs more N-degree hashing than the limit allows.</exception>
    public static string Canonicalize(IEnumerable<Quad> dataset, int maxWorkFactor = 1)
    {
        var quads = dataset.Distinct().ToList();
        return new Rdfc10 { _maxWorkFactor = maxWorkFactor }.Run(quads);
    }

    private string Run(List<Quad> quads)
    {
        // 4.4.3 step 2: the blank node to quads map.
        foreach (var quad in quads)
        {
            foreach (var node in BlankNodes(quad))
            {
                if (!_quadsOf.TryGetValue(node, out var list))
                {
                    _quadsOf[node] = list = [];
                }
                if (!list.Contains(quad))
                {
                    list.Add(quad);
                }
            }
        }
        // Steps 3–5: first-degree hashes; a blank node alone with its hash gets its canonical label now.
        var byHash = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in _quadsOf.Keys)
        {
            var hash = HashFirstDegree(node);
            if (!byHash.TryGetValue(hash, out var nodes))
            {
                byHash[hash] = nodes = [];
            }
            nodes.Add(node);
        }
        var shared = new List<List<string>>();
        foreach (var nodes in byHash.Values)
        {
            if (nodes.Count == 1)
            {
                _canonical.Issue(nodes[0]);
            }
            else
            {
                shared.Add(nodes);
            }
        }
        _remainingDeepIterations = (long)Math.Min(Math.Pow(shared.Sum(nodes => nodes.Count), _maxWorkFactor), long.MaxValue);
        // Step 6: the others by their N-degree hashes.
        foreach (var nodes in shared)
        {
            var paths = new List<(string Hash, IdentifierIssuer Issuer)>();
            foreach (var node in nodes)
            {
                if (_canonical.Has(node))
                {
                    continue;
                }
                var temporary = new IdentifierIssuer("b");
                temporary.Issue(node);
                paths.Add(HashNDegree(node, temporary));
            }
            foreach (var (_, issuer) in paths.OrderBy(p => p.Hash, StringComparer.Ordinal))
            {
                foreach (var node in issuer.Order)
                {
                    _canonical.Issue(node);
                }
            }
        }
        // Step 7: relabel and sort.
        return string.Concat(quads.Select(q => NQuads.Line(Relabel(q))).Order(StringComparer.Ordinal));
    }

    /// <summary>4.6.3: the quads naming the blank node, it as <c>_:a</c> and every other as <c>_:z</c>.</summary>
    private string HashFirstDegree(string node)
    {
        if (_firstDegree.TryGetValue(node, out var known))
        {
            return known;
        }
        var lines = _quadsOf[node]
            .Select(q => NQuads.Line(Map(q, label => new BlankNode(label == node ? "a" : "z"))))
            .Order(StringComparer.Ordinal);
        return _firstDegree[node] = Sha256(string.Concat(lines));
    }

    /// <summary>4.7.3: a related blank node's hash, from where it stands in the quad and what it is called so far.</summary>
    private string HashRelated(string related, Quad quad, IdentifierIssuer issuer, char position)
    {
        var input = new StringBuilder().Append(position);
        if (position != 'g')
        {
            input.Append('<').Append(quad.Predicate.Value).Append('>');
        }
        input.Append(_canonical.Has(related) ? "_:" + _canonical.Issue(related)
            : issuer.Has(related) ? "_:" + issuer.Issue(related)
            : HashFirstDegree(related));
        return Sha256(input.ToString());
    }

    /// <summary>4.8.3: the hash of a blank node's whole neighbourhood, trying every order of equally hashed neighbours.</summary>
    private (string Hash, IdentifierIssuer Issuer) HashNDegree(string node, IdentifierIssuer issuer)
    {
        if (_remainingDeepIterations-- <= 0)
        {
            throw new RdfCanonicalizationException("The credential's blank nodes are too entangled to canonicalise within the work limit.");
        }
        // Steps 1–3: the hash to related blank nodes map.
        var related = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var quad in _quadsOf[node])
        {
            foreach (var (term, position) in new[] { (quad.Subject, 's'), (quad.Object, 'o'), (quad.Graph, 'g') })
            {
                if (term is BlankNode other && other.Label != node)
                {
                    var hash = HashRelated(other.Label, quad, issuer, position);
                    if (!related.TryGetValue(hash, out var nodes))
                    {
                        related[hash] = nodes = [];
                    }
                    nodes.Add(other.Label);
                }
            }
        }
        // Steps 4–5.
        var data = new StringBuilder();
        foreach (var (hash, nodes) in related)
        {
            data.Append(hash);
            var chosenPath = "";
            IdentifierIssuer? chosenIssuer = null;
            foreach (var permutation in Permutations.Of(nodes))
            {
                if (TryPath(permutation, issuer, chosenPath) is { } attempt && (chosenPath.Length == 0 || string.CompareOrdinal(attempt.Path, chosenPath) < 0))
                {
                    (chosenPath, chosenIssuer) = attempt;
                }
            }
            data.Append(chosenPath);
            issuer = chosenIssuer!;
        }
        return (Sha256(data.ToString()), issuer);
    }

    /// <summary>4.8.3 step 5.4 for one permutation; null as soon as the path cannot beat <paramref name="chosenPath"/>.</summary>
    private (string Path, IdentifierIssuer Issuer)? TryPath(string[] permutation, IdentifierIssuer issuer, string chosenPath)
    {
        var copy = issuer.Copy();
        var path = new StringBuilder();
        var recursion = new List<string>();
        foreach (var related in permutation)
        {
            if (_canonical.Has(related))
            {
                path.Append("_:").Append(_canonical.Issue(related));
            }
            else
            {
                if (!copy.Has(related))
                {
                    recursion.Add(related);
                }
                path.Append("_:").Append(copy.Issue(related));
            }
            if (Worse(path, chosenPath))
            {
                return null;
            }
        }
        foreach (var related in recursion)
        {
            var result = HashNDegree(related, copy);
            path.Append("_:").Append(copy.Issue(related)).Append('<').Append(result.Hash).Append('>');
            copy = result.Issuer;
            if (Worse(path, chosenPath))
            {
                return null;
            }
        }
        return (path.ToString(), copy);
    }

    private static bool Worse(StringBuilder path, string chosenPath) =>
        chosenPath.Length != 0 && string.CompareOrdinal(path.ToString(), chosenPath) > 0;

    private Quad Relabel(Quad quad) => Map(quad, label => new BlankNode(_canonical.Issue(label)));

    private static Quad Map(Quad quad, Func<string, BlankNode> relabel)
    {
        RdfTerm? Swap(RdfTerm? term) => term is BlankNode node ? relabel(node.Label) : term;
        return quad with { Subject = Swap(quad.Subject)!, Object = Swap(quad.Object)!, Graph = Swap(quad.Graph) };
    }

    private static IEnumerable<string> BlankNodes(Quad quad) =>
        new[] { quad.Subject, quad.Object, quad.Graph }.OfType<BlankNode>().Select(n => n.Label);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
