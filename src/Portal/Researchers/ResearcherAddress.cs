using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;

namespace Consortium.Portal.Researchers;

/// <summary>
/// Whether an address belongs to the researcher-facing pages (<c>/t/{tenant}…</c>), so that what answers it (a page that
/// is not there, a suspended organisation) uses the researcher layout rather than the staff console.
/// </summary>
public static class ResearcherAddress
{
    public static bool IsResearcherPage(NavigationManager navigation, HttpContext? http)
    {
        // A re-executed not-found page answers the address that was asked for, not /not-found.
        var path = http?.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? "/" + navigation.ToBaseRelativePath(navigation.Uri);
        return path.StartsWith("/t/", StringComparison.Ordinal);
    }
}
