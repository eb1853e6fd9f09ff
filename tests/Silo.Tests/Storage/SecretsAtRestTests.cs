using System.Text;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;
using Consortium.Silo.Hosting;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Consortium.Silo.Tests.Storage;

/// <summary>Cluster mode keeps ORCID client secrets and researchers' tokens out of PostgreSQL in the clear, as embedded mode keeps them out of SQLite.</summary>
public sealed class SecretsAtRestTests
{
    [Fact]
    public async Task ClientSecretsAndResearcherTokensAreNotInAnyPostgresTableInTheClear()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var sandbox = OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Sandbox });
        await sandbox.StartAsync();
        using var silo = await ConsortiumHosts.StartAsync(HostingMode.Cluster, database.ConnectionString, $"secrets-{Guid.NewGuid():N}",
            ConsortiumHosts.SandboxSettings(sandbox.Address()));
        using var controls = new SimulatorControls(sandbox.Address());
        var (clientId, secret, token) = await StoredSecrets.StoreAsync(silo.Services.GetRequiredService<IGrainFactory>(), controls);

        Assert.False(await AnyRowContainsAsync(database.ConnectionString, secret), "The client secret is in PostgreSQL in plain text.");
        Assert.False(await AnyRowContainsAsync(database.ConnectionString, token), "The researcher's token is in PostgreSQL in plain text.");
        Assert.True(await AnyRowContainsAsync(database.ConnectionString, clientId), "The scan should find what is stored in the clear.");
        await silo.StopAsync();
    }

    /// <summary>Every text and binary column of every table in the public schema, searched for the text's bytes.</summary>
    private static async Task<bool> AnyRowContainsAsync(string connectionString, string text)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('bytea', 'text', 'character varying', 'xml', 'jsonb', 'json')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var (table, column) in columns)
        {
            await using var select = new NpgsqlCommand($"SELECT \"{column}\"::bytea FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", connection);
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                if (((byte[])rows[0]).AsSpan().IndexOf(needle) >= 0)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
