using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Consortium.Silo.Storage;

/// <summary>
/// Hands out SQLite connections one at a time. Microsoft.Data.Sqlite runs its async calls synchronously,
/// so a connection waiting on SQLite's busy lock would block an Orleans scheduler thread; waiting on this
/// gate instead is asynchronous.
/// </summary>
public sealed class GatedSqliteDataSource(string databasePath) : DbDataSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string DatabasePath { get; } = databasePath;

    public override string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    protected override DbConnection CreateDbConnection() => new GatedSqliteConnection(ConnectionString, _gate);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }
        base.Dispose(disposing);
    }
}
