namespace Consortium.Grains.Tenants;

/// <summary>Tenant grain keys are prefixed so a slug that looks like hex is never read as a number.</summary>
public static class TenantKey
{
    public static string For(string slug) => "t:" + slug;
}
