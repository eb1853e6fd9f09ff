namespace Consortium.Tests;

/// <summary>Files of this repository (deploy/, ...), found from the test's output folder upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Consortium.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Consortium.sln above {AppContext.BaseDirectory}.");
    }
}
