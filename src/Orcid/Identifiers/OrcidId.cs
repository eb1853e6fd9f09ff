using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Consortium.Orcid.Identifiers;

/// <summary>
/// An ORCID iD: 16 characters <c>dddd-dddd-dddd-dddX</c> whose last is an ISO 7064 MOD 11-2 check digit.
/// Parsing proves only the form; that a person owns it is proven by ORCID OAuth alone, never by typing it.
/// </summary>
public readonly record struct OrcidId
{
    private OrcidId(string value) => Value = value;

    /// <summary>The canonical form, e.g. <c>0000-0002-1825-0097</c>.</summary>
    public string Value { get; }

    /// <summary>How ORCID asks iDs to be shown: the full https URL.</summary>
    public Uri Uri => new($"https://orcid.org/{Value}");

    public override string ToString() => Value;

    /// <summary>Accepts the bare iD, with or without hyphens, or an orcid.org / sandbox.orcid.org URL.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OrcidId? id, [NotNullWhen(false)] out string? error)
    {
        id = null;
        var candidate = StripUrl((text ?? "").Trim());
        var digits = candidate.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (digits.Length != 16)
        {
            error = $"An ORCID iD has 16 characters, like 0000-0002-1825-0097; '{text}' has {digits.Length}.";
            return false;
        }
        if (!digits[..15].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(digits[15]) || digits[15] == 'X'))
        {
            error = $"An ORCID iD is 15 digits and a final digit or X; '{text}' has other characters.";
            return false;
        }
        if (candidate.Contains('-') && !IsGroupedInFours(candidate))
        {
            error = $"An ORCID iD is written in four groups of four, like 0000-0002-1825-0097; '{text}' is not.";
            return false;
        }
        var expected = CheckDigit(digits.AsSpan(0, 15));
        if (digits[15] != expected)
        {
            error = $"'{text}' is not an ORCID iD: its check digit should be {expected}. Check for a mistyped digit.";
            return false;
        }
        id = new OrcidId($"{digits[..4]}-{digits[4..8]}-{digits[8..12]}-{digits[12..]}");
        error = null;
        return true;
    }

    /// <exception cref="FormatException">The text is not an ORCID iD; the message says why.</exception>
    public static OrcidId Parse(string text) => TryParse(text, out var id, out var error) ? id.Value : throw new FormatException(error);

    /// <summary>A random iD with a valid check digit, for simulators and tests.</summary>
    public static OrcidId NewRandom()
    {
        Span<char> digits = stackalloc char[15];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }
        // ORCID issues iDs in the 0000-0001 to 0000-0003 block.
        "0000000".AsSpan().CopyTo(digits);
        digits[7] = (char)('1' + RandomNumberGenerator.GetInt32(3));
        return Parse(new string(digits) + CheckDigit(digits));
    }

    /// <summary>ISO 7064 MOD 11-2 over the first 15 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> fifteenDigits)
    {
        var total = 0;
        foreach (var digit in fifteenDigits)
        {
            total = (total + (digit - '0')) * 2;
        }
        var result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }

    private static string StripUrl(string text)
    {
        foreach (var prefix in (string[])["https://orcid.org/", "http://orcid.org/", "https://sandbox.orcid.org/", "http://sandbox.orcid.org/", "orcid.org/"])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return text[prefix.Length..].TrimEnd('/');
            }
        }
        return text;
    }

    private static bool IsGroupedInFours(string text) =>
        text.Length == 19 && text[4] == '-' && text[9] == '-' && text[14] == '-';
}
