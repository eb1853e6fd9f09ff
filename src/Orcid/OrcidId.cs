using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Consortium.Orcid;

/// <summary>An ORCID iD (<c>dddd-dddd-dddd-dddX</c>) whose ISO 7064 MOD 11-2 check digit is correct.</summary>
public readonly record struct OrcidId
{
    const int DigitCount = 16;
    static readonly string[] UriPrefixes =
        ["https://orcid.org/", "http://orcid.org/", "https://sandbox.orcid.org/", "http://sandbox.orcid.org/"];

    readonly string? value;

    OrcidId(string value) => this.value = value;

    /// <summary>The canonical form, <c>0000-0002-1825-0097</c>.</summary>
    public string Value => value ?? throw new InvalidOperationException("This OrcidId is the default value, not a parsed iD.");

    /// <summary>The iD as ORCID displays it: <c>https://orcid.org/0000-0002-1825-0097</c>.</summary>
    public Uri Uri => new($"https://orcid.org/{Value}");

    public override string ToString() => Value;

    public static OrcidId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    public static bool TryParse(string? text, out OrcidId id) => TryParse(text, out id, out _);

    /// <summary>Parses the bare iD or its orcid.org / sandbox.orcid.org URL; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out OrcidId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        var bare = StripUriPrefix(text?.Trim() ?? "");
        var digits = bare.Replace("-", "");
        error = Check(text, bare, digits);
        if (error is not null)
        {
            return false;
        }
        id = new OrcidId(Format(digits));
        return true;
    }

    /// <summary>A random valid iD, for the simulator's researchers.</summary>
    public static OrcidId NewRandom()
    {
        var body = string.Concat(Enumerable.Range(0, DigitCount - 1).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        return new OrcidId(Format(body + CheckDigit(body)));
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

    static string StripUriPrefix(string text)
    {
        var prefix = UriPrefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return prefix is null ? text : text[prefix.Length..].TrimEnd('/');
    }

    static string? Check(string? original, string bare, string digits)
    {
        if (string.IsNullOrWhiteSpace(original))
        {
            return "An ORCID iD is required.";
        }
        if (digits.Length != DigitCount)
        {
            return $"'{original}' is not an ORCID iD: it needs 16 digits (dddd-dddd-dddd-dddX), it has {digits.Length}.";
        }
        if (bare.Contains('-') && (bare.Length != 19 || bare[4] != '-' || bare[9] != '-' || bare[14] != '-'))
        {
            return $"'{original}' is not an ORCID iD: groups of four digits must be separated by hyphens (dddd-dddd-dddd-dddX).";
        }
        if (!digits[..^1].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(digits[^1]) || digits[^1] is 'X' or 'x'))
        {
            return $"'{original}' is not an ORCID iD: only digits are allowed, and X as the last character.";
        }
        var expected = CheckDigit(digits.AsSpan(0, DigitCount - 1));
        if (char.ToUpperInvariant(digits[^1]) != expected)
        {
            return $"'{original}' is not a valid ORCID iD: its check digit is {digits[^1]}, the checksum gives {expected}.";
        }
        return null;
    }

    static string Format(string digits) =>
        $"{digits[..4]}-{digits[4..8]}-{digits[8..12]}-{digits[12..15]}{char.ToUpperInvariant(digits[15])}";
}
