using System.Text.Json;
using Consortium.Orcid.Serialization;

namespace Consortium.OrcidSimulator.State;

/// <summary>
/// Keeps a simulator's state in a JSON file, so a restarted portal still finds the clients, researchers, tokens and records
/// of its last run: the embedded simulators stand in for ORCID, which does not forget. Saved each second when something
/// changed, and when the host stops, so a crash loses at most the last second; written to a temporary file and moved, so
/// a crash never leaves half a file.
/// </summary>
public sealed class SimulatorStateFile(OrcidSimulatorOptions options, OAuthStore oauth, RecordStore records, RecordStates states,
    WebhookRegistry webhooks, ILogger<SimulatorStateFile> logger) : BackgroundService
{
    static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    readonly string _path = options.StateFile ?? throw new InvalidOperationException("The simulator has no state file.");
    // The timer's save and the one at stop may overlap; both write the same temporary file.
    readonly Lock _saving = new();
    string? _saved;

    /// <returns>False when there is no file yet (a first run).</returns>
    public bool Restore()
    {
        if (!File.Exists(_path))
        {
            return false;
        }
        _saved = File.ReadAllText(_path);
        var snapshot = JsonSerializer.Deserialize<SimulatorSnapshot>(_saved, OrcidJson.Options)
            ?? throw new InvalidOperationException($"The simulator's state file {_path} is empty.");
        oauth.Import(snapshot);
        records.Import(snapshot.Records, snapshot.LastPutCode);
        foreach (var (orcid, status) in snapshot.RecordStates)
        {
            states.Set(orcid, status);
        }
        webhooks.Import(snapshot.Webhooks);
        logger.LogInformation("ORCID simulator ({Environment}) restored {Researchers} researchers and {Clients} clients from {Path}.",
            options.EnvironmentName, snapshot.Researchers.Count, snapshot.Clients.Count, _path);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SaveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Save();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Save();
    }

    void Save()
    {
        lock (_saving)
        {
            SaveChanges();
        }
    }

    void SaveChanges()
    {
        var (clients, researchers, tokens) = oauth.Export();
        var (saved, lastPutCode) = records.Export();
        var json = JsonSerializer.Serialize(
            new SimulatorSnapshot(clients, researchers, tokens, saved, lastPutCode, states.Export(), webhooks.Export()), OrcidJson.Options);
        if (json == _saved)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, _path, overwrite: true);
        _saved = json;
    }
}
