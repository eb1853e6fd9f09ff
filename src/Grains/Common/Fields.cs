using System.Text.RegularExpressions;

namespace Consortium.Grains.Common;

/// <summary>Checks and normalises the fields people type; each failure names its field and says what is expected.</summary>
public static partial class Fields
{
    /// <returns>The trimmed slug.</returns>
    public static string Slug(string field, string? value)
    {
        var slug = (value ?? "").Trim();
        return SlugPattern().IsMatch(slug)
            ? slug
            : throw new InvalidFieldException(field,
                "The slug must be 3 to 40 lower-case letters, digits or hyphens, starting and ending with a letter or digit.");
    }

    /// <returns>The trimmed text.</returns>
    public static string Text(string field, string? value, int maxLength, string what)
    {
        var text = (value ?? "").Trim();
        return text.Length > 0 && text.Length <= maxLength
            ? text
            : throw new InvalidFieldException(field, $"The {what} must be 1 to {maxLength} characters.");
    }

    /// <returns>The ROR id as ORCID holds it (<c>https://ror.org/</c> and the id in lower case), or null when none was given.</returns>
    public static string? OptionalRorId(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (RorId.TryParse(value, out var orcidForm))
        {
            return orcidForm;
        }
        throw new InvalidFieldException(field, RorId.IsWellFormed(value)
            ? $"'{value.Trim()}' is not a ROR id: its last two digits (the check digits) do not match. Copy the id from the organisation's page on ror.org."
            : "The ROR id must look like 'https://ror.org/02mhbdp94' or '02mhbdp94': a 0, six letters or digits, and two check digits.");
    }

    /// <returns>The trimmed address.</returns>
    public static string Email(string field, string? value)
    {
        var email = (value ?? "").Trim();
        return email.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email
            ? email
            : throw new InvalidFieldException(field, "Enter an email address like name@example.org.");
    }

    /// <returns>The ISO 3166-1 alpha-2 code in upper case, or null when none was given.</returns>
    public static string? OptionalCountry(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var country = value.Trim().ToUpperInvariant();
        return country.Length == 2 && country.All(char.IsAsciiLetterUpper)
            ? country
            : throw new InvalidFieldException(field, "The country must be a two-letter ISO code, like NZ, DE or US.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
