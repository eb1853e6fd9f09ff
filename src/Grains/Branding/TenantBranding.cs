using System.Text.RegularExpressions;
using Consortium.Grains.Common;

namespace Consortium.Grains.Branding;

/// <summary>How a member organisation's researcher pages look. The logo is kept apart (<see cref="Logo"/>).</summary>
[GenerateSerializer, Immutable, Alias("TenantBranding")]
public sealed partial record TenantBranding(
    [property: Id(0)] string? DisplayName,
    [property: Id(1)] string? PrimaryColour,
    [property: Id(2)] string? WelcomeText,
    [property: Id(3)] string? SupportContact)
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxWelcomeTextLength = 2000;
    public const int MaxSupportContactLength = 200;

    public static TenantBranding Default { get; } = new(null, null, null, null);

    /// <returns>This branding trimmed, with empty fields as null.</returns>
    /// <exception cref="InvalidFieldException">The first malformed field.</exception>
    public TenantBranding Validated() => new(
        Optional(nameof(DisplayName), DisplayName, MaxDisplayNameLength, "display name"),
        Colour(PrimaryColour),
        Optional(nameof(WelcomeText), WelcomeText, MaxWelcomeTextLength, "welcome text"),
        Optional(nameof(SupportContact), SupportContact, MaxSupportContactLength, "support contact"));

    private static string? Optional(string field, string? value, int maxLength, string what) =>
        string.IsNullOrWhiteSpace(value) ? null : Fields.Text(field, value, maxLength, what);

    private static string? Colour(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var colour = value.Trim();
        return ColourPattern().IsMatch(colour)
            ? colour.ToUpperInvariant()
            : throw new InvalidFieldException(nameof(PrimaryColour), "The primary colour must be a hex colour like #1B5E20.");
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();
}
