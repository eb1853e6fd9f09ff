using System.Data;
using Microsoft.Data.Sqlite;

namespace Consortium.Silo.Storage;

/// <summary>A SQLite connection that holds its data source's gate from open to close.</summary>
internal sealed class GatedSqliteConnection(string connectionString, SemaphoreSlim gate) : SqliteConnection(connectionString)
{
    private bool _holdsGate;

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        OpenHoldingGate();
    }

    public override void Open()
    {
        gate.Wait();
        OpenHoldingGate();
    }

    public override void Close()
    {
        base.Close();
        ReleaseGate();
    }

    private void OpenHoldingGate()
    {
        _holdsGate = true;
        try
        {
            base.Open();
            Tune();
        }
        catch
        {
            ReleaseGate();
            throw;
        }
    }

    private void Tune()
    {
        // WAL is set once by the migrator and persists; synchronous is per connection.
        // NORMAL with WAL survives a process crash and may lose the last commits only on power loss.
        using var command = CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    private void ReleaseGate()
    {
        if (_holdsGate && State != ConnectionState.Open)
        {
            _holdsGate = false;
            gate.Release();
        }
    }
}
