using System.Globalization;

namespace Consortium.Grains.Badges.Rdf;

/// <summary>A number written as JavaScript writes it (ECMA-262, Number::toString): the forms JSON-LD's toRdf (via jsonld.js) and
/// the JSON Canonicalization Scheme (RFC 8785, section 3.2.2.3) both rest on, so the canonical form matches theirs.</summary>
internal static class EcmaScriptNumber
{
    public static string ToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return "0";
        }
        // The shortest digits that read back as the value ("R" in .NET Core 3.0 and later), and where the point goes.
        var (digits, exponent) = Shortest(Math.Abs(value));
        var sign = value < 0 ? "-" : "";
        var k = digits.Length;
        var n = exponent;
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }
        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }
        var e = n - 1;
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign + mantissa + "e" + (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A JSON number as the double JavaScript reads it, however the node was made.</summary>
    public static double Of(System.Text.Json.Nodes.JsonNode number) => double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>jsonld.js's <c>isDouble</c>: a number JavaScript writes with a point, or too large for an integer literal.</summary>
    public static bool IsDouble(double value) => ToString(value).Contains('.') || Math.Abs(value) >= 1e21;

    /// <summary><c>value.toExponential(15)</c> trimmed as jsonld.js trims it: the canonical xsd:double, e.g. <c>5.5E0</c>.</summary>
    public static string XsdDouble(double value)
    {
        var text = value.ToString("0.000000000000000e+0", CultureInfo.InvariantCulture);
        var e = text.IndexOf('e');
        var mantissa = text[..e].TrimEnd('0');
        if (mantissa.EndsWith('.'))
        {
            mantissa += "0";
        }
        var exponent = text[(e + 1)..].TrimStart('+');
        return mantissa + "E" + exponent;
    }

    /// <summary><c>value.toFixed(0)</c>: an integral number in full.</summary>
    public static string Integer(double value)
    {
        var text = Math.Round(value, MidpointRounding.AwayFromZero).ToString("F0", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    private static (string Digits, int Exponent) Shortest(double value)
    {
        var text = "";
        // The shortest precision that round-trips, from 1 to 17 significant digits.
        for (var precision = 1; precision <= 17; precision++)
        {
            text = value.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
            if (double.Parse(text, CultureInfo.InvariantCulture) == value)
            {
                break;
            }
        }
        var e = text.IndexOf('E');
        var digits = text[..e].Replace(".", "").TrimEnd('0');
        var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture) + 1;
        return (digits.Length == 0 ? "0" : digits, exponent);
    }
}
