namespace Consortium.Grains.Badges.Rdf;

/// <summary>Every ordering of a list, in the Steinhaus–Johnson–Trotter order that digitalbazaar's rdf-canonize (lib/Permuter.js,
/// BSD-3-Clause) walks, from the sorted list: RDFC-1.0 keeps the first of equally short paths, so the order is kept the same.</summary>
internal static class Permutations
{
    public static IEnumerable<string[]> Of(IEnumerable<string> items)
    {
        var current = items.Order(StringComparer.Ordinal).ToArray();
        var left = current.ToDictionary(item => item, _ => true, StringComparer.Ordinal);
        while (true)
        {
            yield return [.. current];
            string? mobile = null;
            var position = 0;
            for (var i = 0; i < current.Length; i++)
            {
                var element = current[i];
                var movesLeft = left[element];
                if ((mobile is null || Greater(element, mobile))
                    && ((movesLeft && i > 0 && Greater(element, current[i - 1])) || (!movesLeft && i < current.Length - 1 && Greater(element, current[i + 1]))))
                {
                    mobile = element;
                    position = i;
                }
            }
            if (mobile is null)
            {
                yield break;
            }
            var swap = left[mobile] ? position - 1 : position + 1;
            current[position] = current[swap];
            current[swap] = mobile;
            foreach (var element in current)
            {
                if (Greater(element, mobile))
                {
                    left[element] = !left[element];
                }
            }
        }
    }

    private static bool Greater(string a, string b) => string.CompareOrdinal(a, b) > 0;
}
