namespace Consortium.Grains.Consortia;

/// <summary>Consortium grain keys are prefixed so a slug that looks like hex is never read as a number.</summary>
public static class ConsortiumKey
{
    private const string Prefix = "c:";

    public static string For(string slug) => Prefix + slug;

    public static string SlugOf(string key) => key[Prefix.Length..];
}
