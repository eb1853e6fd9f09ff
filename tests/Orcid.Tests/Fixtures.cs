namespace Consortium.Orcid.Tests;

/// <summary>ORCID's own sample documents and schemas, copied next to the test assembly (see Fixtures/PROVENANCE.md).</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every sample in <c>read/</c> and <c>write/</c>, relative to <see cref="Root"/>.</summary>
    public static TheoryData<string> Samples(string extension)
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "read", "write" }
                     .SelectMany(folder => Directory.GetFiles(PathOf(folder), $"*.{extension}"))
                     .Order())
        {
            data.Add(Path.GetRelativePath(Root, file));
        }
        return data;
    }
}
