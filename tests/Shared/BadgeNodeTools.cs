using System.Diagnostics;

namespace Consortium.Tests;

/// <summary>Runs a script of tests/tools/badges with node, where the pinned npm packages are installed.</summary>
public static class BadgeNodeTools
{
    public static string Folder => RepositoryFiles.PathOf("tests/tools/badges");

    /// <exception cref="InvalidOperationException">The npm packages are not installed (<paramref name="package"/> is missing).</exception>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string package, string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", package)))
        {
            throw new InvalidOperationException($"{package} is not installed in {Folder}: run 'npm ci' there (./test.sh does).");
        }
        using var node = Process.Start(new ProcessStartInfo("node", [script, .. arguments])
        {
            WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        return (node.ExitCode, await output, await error);
    }
}
