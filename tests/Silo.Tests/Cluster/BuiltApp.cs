namespace Consortium.Silo.Tests.Cluster;

/// <summary>The executables the solution build put in each project's own output folder, run as an operator runs them:
/// <c>dotnet path/Consortium.Silo.dll</c>. Built in the configuration the tests were built in.</summary>
public sealed record BuiltApp(string Name, string DllPath)
{
    public static BuiltApp Silo { get; } = Find("silo", "src/Silo", "Consortium.Silo.dll");

    public static BuiltApp Portal { get; } = Find("portal", "src/Portal", "Consortium.Portal.dll");

    public static BuiltApp OrcidSimulator { get; } = Find("orcid-simulator", "tools/OrcidSimulator", "Consortium.OrcidSimulator.dll");

    public string Directory => Path.GetDirectoryName(DllPath)!;

    private static BuiltApp Find(string name, string project, string dll)
    {
        // The tests run from tests/Silo.Tests/bin/<Configuration>/<tfm>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Consortium.sln")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException($"No Consortium.sln above {AppContext.BaseDirectory}.");
        }
        var path = Path.Combine(root.FullName, project, "bin", configuration, framework, dll);
        return File.Exists(path)
            ? new BuiltApp(name, path)
            : throw new InvalidOperationException($"{path} is not built: build Consortium.sln first.");
    }
}
