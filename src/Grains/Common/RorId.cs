using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Consortium.Grains.Common;

/// <summary>
/// ROR ids (https://ror.readme.io/docs/identifier): a 0, six Crockford base32 characters (no i, l, o, u) and two check
/// digits, ISO 7064 Mod 97-10 of the base32 number. ORCID holds them as the full URL, <c>https://ror.org/0xxxxxxNN</c>
/// (ORCID-Source orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrgManagerImpl.java looks the written id up exactly,
/// so a bare id is refused with 400/9045).
/// </summary>
public static partial class RorId
{
    public const string Prefix = "https://ror.org/";

    const string Base32 = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>Reads <c>https://ror.org/…</c>, <c>ror.org/…</c> or a bare id, in any case.</summary>
    /// <param name="orcidForm">The id as ORCID holds it: <c>https://ror.org/</c> and the id in lower case.</param>
    /// <returns>Whether it is a ROR id whose check digits are right.</returns>
    public static bool TryParse(string? value, [NotNullWhen(true)] out string? orcidForm)
    {
        orcidForm = null;
        var match = Pattern().Match(value?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }
        var id = match.Groups["id"].Value.ToLowerInvariant();
        if (!ChecksumIsRight(id))
        {
            return false;
        }
        orcidForm = Prefix + id;
        return true;
    }

    /// <summary>Whether it has a ROR id's shape, whatever its check digits.</summary>
    public static bool IsWellFormed(string? value) => Pattern().IsMatch(value?.Trim() ?? "");

    /// <summary>A stored id in ORCID's form, whether it was stored as the URL or (before) bare.</summary>
    public static string OrcidForm(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal) ? stored : Prefix + stored;

    static bool ChecksumIsRight(string id)
    {
        var number = id[..7].Aggregate(0L, (value, c) => value * 32 + Base32.IndexOf(c));
        return 98 - number * 100 % 97 == int.Parse(id[7..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^(?:(?:https?://)?(?:www\\.)?ror\\.org/)?(?<id>0[a-hj-km-np-tv-z0-9]{6}[0-9]{2})/?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
