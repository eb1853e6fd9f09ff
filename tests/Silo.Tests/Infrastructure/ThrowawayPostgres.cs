using System.Diagnostics;
using System.Globalization;

namespace Consortium.Silo.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own, which the test may stop and start: <c>initdb</c> in a temporary folder, trust
/// authentication on loopback only, a free port, removed at dispose. The shared server (<c>CONSORTIUM_TEST_POSTGRES</c>)
/// is never restarted. initdb refuses to run as root, so as root every PostgreSQL program runs as the <c>postgres</c> user.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string DataDirectory => Path.Combine(_folder, "data");

    public static async Task<ThrowawayPostgres> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"consortium-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new ThrowawayPostgres(FindBinaries(), folder, FreePort.Next());
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:postgres", folder);
        }
        await server.PostgresAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server and waits until it takes connections.</summary>
    public Task StartAsync() => PostgresAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        // Loopback only, the socket in our folder; fsync off: the machine does not crash in a test, the server does.
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c max_connections=200", "start");

    /// <summary>Stops the server: <c>fast</c> ends every session as a restart by an administrator does.</summary>
    public Task StopAsync(string mode = "fast") => PostgresAsync("pg_ctl", "-D", DataDirectory, "-m", mode, "-w", "-t", "60", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The newest installed version's programs: Debian keeps them in /usr/lib/postgresql/N/bin, off the PATH.</summary>
    private static string FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault() ?? throw new InvalidOperationException("No initdb under /usr/lib/postgresql: install PostgreSQL (./test.sh does).")
            : throw new InvalidOperationException("No /usr/lib/postgresql: install PostgreSQL (./test.sh does).");

    private Task PostgresAsync(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
