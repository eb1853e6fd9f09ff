namespace Consortium.Silo.Storage;

/// <summary>Brings a database to the schema Orleans and Consortium need; safe to run any number of times.</summary>
public interface IDatabaseMigrator
{
    /// <returns>The names of the scripts applied by this call (empty when the schema was current).</returns>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
