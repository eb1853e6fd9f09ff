using System.Text.RegularExpressions;
using Consortium.Grains.Common;

namespace Consortium.Grains.Trust;

/// <summary>The regular expressions member admins write for titles and external id values: whole-value
/// matches that ignore case, with a time limit so that a careless pattern cannot stall a verification.</summary>
public static class TrustPatterns
{
    public const int MaxLength = 1000;
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <returns>The trimmed pattern.</returns>
    /// <exception cref="InvalidFieldException">The pattern is too long or not a valid .NET regular expression.</exception>
    public static string Validated(string field, string pattern, string what)
    {
        pattern = pattern.Trim();
        if (pattern.Length == 0 || pattern.Length > MaxLength)
        {
            throw new InvalidFieldException(field, $"The {what} must be 1 to {MaxLength} characters.");
        }
        try
        {
            // The pattern alone first, so that an error message points into what the admin wrote.
            _ = new Regex(pattern, Options);
            _ = WholeValue(pattern);
            return pattern;
        }
        catch (ArgumentException invalid)
        {
            throw new InvalidFieldException(field, $"The {what} is not a valid regular expression: {invalid.Message}");
        }
    }

    /// <exception cref="ArgumentException">The pattern is not a valid .NET regular expression.</exception>
    public static Regex WholeValue(string pattern) =>
        // \A and \z rather than ^ and $: $ would also accept a trailing newline.
        new($@"\A(?:{pattern})\z", Options, MatchTimeout);

    /// <returns>True or false, or null when the pattern ran out of time (which counts as no match).</returns>
    public static bool? Matches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
