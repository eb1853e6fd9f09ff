using Consortium.Grains.Common;

namespace Consortium.Grains.Branding;

/// <summary>A member organisation's logo: a small PNG, JPEG or SVG, checked by its content, not its name.</summary>
[GenerateSerializer, Immutable, Alias("Logo")]
public sealed record Logo([property: Id(0)] string ContentType, [property: Id(1)] byte[] Content)
{
    public const int MaxBytes = 256 * 1024;

    /// <exception cref="InvalidFieldException">Too large, empty, or not a PNG, JPEG or SVG.</exception>
    public static Logo From(byte[] content)
    {
        if (content.Length == 0)
        {
            throw new InvalidFieldException("logo", "The logo file is empty.");
        }
        if (content.Length > MaxBytes)
        {
            throw new InvalidFieldException("logo", $"The logo must be at most {MaxBytes / 1024} KB.");
        }
        return new Logo(Sniff(content) ?? throw new InvalidFieldException("logo", "The logo must be a PNG, JPEG or SVG image."), content);
    }

    private static string? Sniff(byte[] content) => content switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ when LooksLikeSvg(content) => "image/svg+xml",
        _ => null,
    };

    private static bool LooksLikeSvg(byte[] content)
    {
        var head = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 1024)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return (head.StartsWith("<svg", StringComparison.Ordinal) || head.StartsWith("<?xml", StringComparison.Ordinal))
            && head.Contains("<svg", StringComparison.Ordinal);
    }
}
