using System.Collections.Concurrent;
using System.Diagnostics;

namespace Consortium.Silo.Tests.Cluster;

/// <summary>
/// One real process of the cluster (a silo, a portal, the ORCID simulator), started with <c>dotnet app.dll</c> and its settings
/// as command-line configuration. Everything it prints goes to a log file of its own (<see cref="LogPath"/>), every start appending
/// to it, so a failed test can be diagnosed from the files. <see cref="Kill"/> is SIGKILL: the process gets no chance to leave
/// the cluster. Every process started is killed when it is disposed, and, should a test run end without disposing, when the test
/// process exits.
/// </summary>
public sealed class ClusterProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<ClusterProcess, byte> Running = new();

    static ClusterProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Keys)
        {
            process.Kill();
        }
    };

    private readonly BuiltApp _app;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _environment;
    private readonly object _logLock = new();
    private Process? _process;
    private StreamWriter? _log;
    private readonly List<(string Text, TaskCompletionSource<string> Line)> _expected = [];

    /// <param name="settings">Configuration keys and values, given as <c>--key=value</c>.</param>
    /// <param name="environment">The ASP.NET Core / .NET host environment (Staging unless told: Production refuses to talk to an ORCID simulator).</param>
    public ClusterProcess(string name, BuiltApp app, IReadOnlyDictionary<string, string> settings, string logDirectory, string environment = "Staging")
    {
        Name = name;
        _app = app;
        _settings = settings;
        _environment = environment;
        LogPath = Path.Combine(logDirectory, $"{name}.log");
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => _process?.Id;

    /// <summary>Starts the process (again, after a kill) and returns once it is running; readiness is the caller's to wait for.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is running already.");
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _app.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_app.DllPath);
        foreach (var (key, value) in _settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["DOTNET_ENVIRONMENT"] = _environment;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = _environment;
        // One line a message, no colours: the log files are read by people and by WaitForLogAsync.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";

        lock (_logLock)
        {
            _log ??= new StreamWriter(new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
            _log.WriteLine($"---- {DateTimeOffset.UtcNow:HH:mm:ss.fff} start: dotnet {_app.DllPath} ({_environment})");
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Write(line.Data);
        process.ErrorDataReceived += (_, line) => Write(line.Data);
        process.Exited += (_, _) => Write($"---- {DateTimeOffset.UtcNow:HH:mm:ss.fff} exited");
        process.Start();
        Running.TryAdd(this, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>SIGKILL, at once: no shutdown, no leaving the cluster. Waits until the process is gone.</summary>
    public void Kill()
    {
        if (_process is not { } process)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
        Write($"---- {DateTimeOffset.UtcNow:HH:mm:ss.fff} killed by the test");
        Running.TryRemove(this, out _);
    }

    /// <summary>SIGTERM, as systemd and Kubernetes stop a process, and its exit code once it has left.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (_process is not { } process)
        {
            throw new InvalidOperationException($"{Name} was never started.");
        }
        using (var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }
        await process.WaitForExitAsync().WaitAsync(timeout);
        Running.TryRemove(this, out _);
        return process.ExitCode;
    }

    /// <summary>Everything the process printed so far, from its log file.</summary>
    public string LogText
    {
        get
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd();
        }
    }

    /// <summary>Waits until the process prints a line containing <paramref name="text"/>, from the moment of this call: call it
    /// before <see cref="Start"/> to wait for a line the start prints. Fails once the process exits first, naming its log.</summary>
    public async Task<string> ExpectLogAsync(string text, TimeSpan timeout)
    {
        var awaited = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_logLock)
        {
            _expected.Add((text, awaited));
        }
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (!awaited.Task.IsCompleted)
            {
                await Task.WhenAny(awaited.Task, Task.Delay(200, cancel.Token));
                if (!awaited.Task.IsCompleted && _process is { HasExited: true })
                {
                    throw new InvalidOperationException($"{Name} exited (code {_process.ExitCode}) before logging \"{text}\"; see {LogPath}.");
                }
            }
            return await awaited.Task;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not log \"{text}\" within {timeout}; see {LogPath}.");
        }
        finally
        {
            lock (_logLock)
            {
                _expected.RemoveAll(e => e.Line == awaited);
            }
        }
    }

    /// <summary>Fails, naming the log, when the process is not running.</summary>
    public void EnsureRunning()
    {
        if (!IsRunning)
        {
            throw new InvalidOperationException($"{Name} is not running; see {LogPath}.");
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            _log?.WriteLine(line);
            foreach (var (text, awaited) in _expected.Where(e => line.Contains(e.Text, StringComparison.Ordinal)))
            {
                awaited.TrySetResult(line);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
        return ValueTask.CompletedTask;
    }
}
