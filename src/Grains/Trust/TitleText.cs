using System.Text.RegularExpressions;

namespace Consortium.Grains.Trust;

/// <summary>Titles compared the way people read them: case, outer spaces and runs of spaces do not matter.</summary>
public static partial class TitleText
{
    public static string Normalised(string title) => Whitespace().Replace(title.Trim(), " ").ToUpperInvariant();

    public static bool SameTitle(string left, string right) => Normalised(left) == Normalised(right);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
