namespace Consortium.Grains.Consortia;

/// <summary>Consortium grain keys are prefixed so a slug that looks like hex is never read as a number.</summary>
public static class ConsortiumKey
{
    public static string For(string slug) => "c:" + slug;
}
