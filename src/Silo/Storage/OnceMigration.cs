namespace Consortium.Silo.Storage;

/// <summary>
/// The schema migration of this process, run once by whoever needs the database first: the silo's start, or Data Protection,
/// whose hosted service reads the key ring before the silo starts. Both see the same result, so the silo still knows which
/// scripts this start applied.
/// </summary>
public sealed class OnceMigration(IDatabaseMigrator migrator)
{
    private readonly Lazy<Task<IReadOnlyList<string>>> _run = new(() => migrator.MigrateAsync(CancellationToken.None));

    /// <returns>The scripts this process applied (empty when the schema was current).</returns>
    public Task<IReadOnlyList<string>> RunAsync() => _run.Value;
}
