using Consortium.Silo.Tests.Cluster;

namespace Consortium.Silo.Tests.Infrastructure;

/// <summary>The silo executable, <c>Consortium.Silo.dll</c>, as a process of its own, started as an operator starts it: its own
/// appsettings.json, Production, its HTTP port from <c>Urls</c>. A <see cref="ClusterProcess"/> that is awaited until it has started.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly ClusterProcess _process;

    private SiloProcess(ClusterProcess process, Uri httpAddress) => (_process, HttpAddress) = (process, httpAddress);

    /// <summary>Where its health endpoints (and dashboard) answer.</summary>
    public Uri HttpAddress { get; }

    /// <summary>What it printed so far, standard output and error.</summary>
    public string OutputText => _process.LogText;

    /// <param name="settings">Configuration keys and values (<c>Orleans:Mode</c>).</param>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var httpAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var logs = Path.Combine(Path.GetTempPath(), "consortium-tests", $"silo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(logs);
        var process = new ClusterProcess("silo", BuiltApp.Silo,
            new Dictionary<string, string>(settings.Select(s => KeyValuePair.Create(s.Key, s.Value ?? ""))) { ["Urls"] = httpAddress.AbsoluteUri },
            logs, environment: "Production");
        // The host's lifetime message: the silo has joined the cluster and the HTTP port listens.
        var started = process.ExpectLogAsync("Application started", StartTimeout);
        process.Start();
        try
        {
            await started;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new SiloProcess(process, httpAddress);
    }

    /// <summary>SIGTERM, as systemd and Kubernetes stop a silo, and the exit code once it has left.</summary>
    public Task<int> StopAsync() => _process.StopAsync(StopTimeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
