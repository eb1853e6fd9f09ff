namespace Consortium.Grains.Tenants;

/// <summary>Tenant grain keys are prefixed so a slug that looks like hex is never read as a number.</summary>
public static class TenantKey
{
    private const string Prefix = "t:";

    public static string For(string slug) => Prefix + slug;

    public static string SlugOf(string key) => key[Prefix.Length..];
}
