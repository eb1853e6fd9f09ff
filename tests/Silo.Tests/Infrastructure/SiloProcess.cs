using System.Collections.Concurrent;
using System.Diagnostics;

namespace Consortium.Silo.Tests.Infrastructure;

/// <summary>The silo executable, <c>Consortium.Silo.dll</c>, as a process of its own, started as an operator starts it:
/// settings as environment variables, its own appsettings.json, Production.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, Uri httpAddress)
    {
        _process = process;
        HttpAddress = httpAddress;
    }

    /// <summary>Where its health endpoints (and dashboard) answer.</summary>
    public Uri HttpAddress { get; }

    /// <summary>What it wrote to its console so far, standard output and error.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <param name="settings">Configuration keys (<c>Orleans:Mode</c>), passed as environment variables (<c>Orleans__Mode</c>).</param>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var httpAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Consortium.Silo.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = httpAddress.AbsoluteUri;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        var silo = new SiloProcess(new Process { StartInfo = start }, httpAddress);
        silo._process.OutputDataReceived += (_, line) => silo.Received(line.Data);
        silo._process.ErrorDataReceived += (_, line) => silo.Received(line.Data);
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();

        var exited = silo._process.WaitForExitAsync();
        var first = await Task.WhenAny(silo._started.Task, exited).WaitAsync(StartTimeout);
        if (first == exited)
        {
            throw new InvalidOperationException($"The silo exited with {silo._process.ExitCode} before it started:\n{silo.OutputText}");
        }
        return silo;
    }

    /// <summary>SIGTERM, as systemd and Kubernetes stop a silo, and the exit code once it has left.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        await _process.WaitForExitAsync().WaitAsync(StopTimeout);
        return _process.ExitCode;
    }

    public string OutputText => string.Join('\n', _output);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        // The host's lifetime message: the silo has joined the cluster and the HTTP port listens.
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
