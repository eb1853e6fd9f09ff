using System.Text.RegularExpressions;
using Consortium.Grains.Common;

namespace Consortium.Grains.Trust;

/// <summary>Organisation ids as ORCID's <c>disambiguated-organization-identifier</c> holds them. A ROR id may be
/// written as a URL or bare, so both are compared as <c>https://ror.org/{id}</c>; other registries' ids
/// (RINGGOLD numbers, GRID ids, FUNDREF DOIs) are compared as given, ignoring case.</summary>
public static partial class OrganisationIdentifier
{
    public const int MaxLength = 200;
    public const string RorPrefix = RorId.Prefix;

    /// <returns>The id to store, or null when none was given.</returns>
    /// <exception cref="InvalidFieldException">A malformed ROR id, or an overlong id.</exception>
    public static string? Validated(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var id = value.Trim();
        if (LooksLikeRor(id))
        {
            return Fields.OptionalRorId(field, id);
        }
        return id.Length <= MaxLength
            ? id
            : throw new InvalidFieldException(field, $"The organisation id must be at most {MaxLength} characters: a ROR id like 'https://ror.org/02mhbdp94', or a RINGGOLD, GRID or FUNDREF id.");
    }

    /// <summary>The form two ids are compared in; never throws, whatever ORCID sent.</summary>
    public static string Comparable(string value)
    {
        var id = value.Trim();
        var ror = RorPattern().Match(id);
        return ror.Success ? RorPrefix + ror.Groups["id"].Value.ToLowerInvariant() : id.ToUpperInvariant();
    }

    public static bool Same(string left, string right) => Comparable(left) == Comparable(right);

    // A ror.org address, or something shaped like a bare ROR id, must be a valid ROR id: a typo should be
    // refused, not stored as an "other registry" id that never matches.
    private static bool LooksLikeRor(string id) =>
        id.Contains("ror.org", StringComparison.OrdinalIgnoreCase) || BareRorShape().IsMatch(id);

    // Fields.OptionalRorId's pattern (Crockford base32 without i, l, o, u; a two-digit checksum), a little looser
    // about the address (www., a trailing slash) because ORCID holds whatever the writing client sent.
    [GeneratedRegex("^(?:https?://(?:www\\.)?ror\\.org/)?(?<id>0[a-hj-km-np-tv-z0-9]{6}[0-9]{2})/?$", RegexOptions.IgnoreCase)]
    private static partial Regex RorPattern();

    [GeneratedRegex("^0[a-z0-9]{6}[0-9]{2}$", RegexOptions.IgnoreCase)]
    private static partial Regex BareRorShape();
}
