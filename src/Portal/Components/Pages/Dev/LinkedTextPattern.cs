using System.Text.RegularExpressions;

namespace Consortium.Portal.Components.Pages.Dev;

internal static partial class LinkedTextPattern
{
    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.CultureInvariant)]
    public static partial Regex Address();
}
