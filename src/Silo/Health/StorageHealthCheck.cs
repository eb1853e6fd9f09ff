using Consortium.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consortium.Silo.Health;

/// <summary>Ready when the database answers a trivial query.</summary>
public sealed class StorageHealthCheck(ConsortiumDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Kind} at {database.Description}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Kind} at {database.Description} is unreachable", exception);
        }
    }
}
