using System.Text.RegularExpressions;

namespace Consortium.Grains.Tenants;

/// <summary>Checks and normalises a <see cref="NewTenant"/> before anything is stored.</summary>
public static partial class NewTenantValidator
{
    public const int MaxNameLength = 200;

    /// <returns>The tenant with its fields trimmed and its ROR id in canonical form (the bare 9-character id).</returns>
    /// <exception cref="TenantValidationException">The first malformed field.</exception>
    public static NewTenant Validate(NewTenant tenant)
    {
        var slug = tenant.Slug.Trim();
        if (!SlugPattern().IsMatch(slug))
        {
            throw new TenantValidationException(nameof(NewTenant.Slug),
                "The slug must be 3 to 40 lower-case letters, digits or hyphens, starting and ending with a letter or digit.");
        }

        var name = tenant.Name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new TenantValidationException(nameof(NewTenant.Name), $"The name must be 1 to {MaxNameLength} characters.");
        }

        var rorId = string.IsNullOrWhiteSpace(tenant.RorId) ? null : NormaliseRorId(tenant.RorId.Trim());
        return new NewTenant(slug, name, rorId);
    }

    private static string NormaliseRorId(string rorId)
    {
        var match = RorPattern().Match(rorId);
        if (!match.Success)
        {
            throw new TenantValidationException(nameof(NewTenant.RorId),
                "The ROR id must look like 'https://ror.org/02mhbdp94' or '02mhbdp94': a 0, six letters or digits, and two digits.");
        }
        return match.Groups["id"].Value.ToLowerInvariant();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex SlugPattern();

    // ROR ids use Crockford base32 (no i, l, o, u) and end in a two-digit checksum.
    [GeneratedRegex("^(?:https?://ror\\.org/)?(?<id>0[a-hj-km-np-tv-z0-9]{6}[0-9]{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex RorPattern();
}
