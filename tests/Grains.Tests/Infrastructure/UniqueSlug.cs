namespace Consortium.Grains.Tests.Infrastructure;

public static class UniqueSlug
{
    public static string New(string prefix = "org") => $"{prefix}-{Guid.NewGuid():N}"[..30];
}
