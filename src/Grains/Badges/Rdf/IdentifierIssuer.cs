namespace Consortium.Grains.Badges.Rdf;

/// <summary>RDFC-1.0's identifier issuer (section 4.5): issues <c>prefix0</c>, <c>prefix1</c>, … to blank nodes in the order
/// they are first asked for, and remembers that order.</summary>
internal sealed class IdentifierIssuer(string prefix)
{
    private readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public IReadOnlyList<string> Order => _order;

    public bool Has(string existing) => _issued.ContainsKey(existing);

    public string Issue(string existing)
    {
        if (_issued.TryGetValue(existing, out var issued))
        {
            return issued;
        }
        issued = prefix + _order.Count;
        _issued.Add(existing, issued);
        _order.Add(existing);
        return issued;
    }

    public IdentifierIssuer Copy()
    {
        var copy = new IdentifierIssuer(prefix);
        foreach (var existing in _order)
        {
            copy.Issue(existing);
        }
        return copy;
    }
}
