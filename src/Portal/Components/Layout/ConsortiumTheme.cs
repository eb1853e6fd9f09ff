using MudBlazor;

namespace Consortium.Portal.Components.Layout;

public static class ConsortiumTheme
{
    /// <summary>ORCID's green (#A6CE39) for accents; a darker green for text-bearing surfaces, for contrast.</summary>
    public static MudTheme Default { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2E7D32",
            Secondary = "#A6CE39",
            AppbarBackground = "#1B5E20",
        },
    };
}
