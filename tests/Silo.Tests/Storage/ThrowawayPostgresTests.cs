using Consortium.Silo.Tests.Infrastructure;
using Npgsql;

namespace Consortium.Silo.Tests.Storage;

/// <summary>The fault suite's own PostgreSQL server: what was written survives its restart, and while it is down nobody connects.</summary>
public sealed class ThrowawayPostgresTests
{
    [Fact]
    public async Task WhatWasWrittenIsThereAfterARestartAndNobodyConnectsWhileItIsDown()
    {
        await using var server = await ThrowawayPostgres.CreateAsync();
        await ExecuteAsync(server, "CREATE TABLE kept (value int); INSERT INTO kept VALUES (42)");

        await server.StopAsync();
        NpgsqlConnection.ClearAllPools();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(server, "SELECT 1"));
        await server.StartAsync();

        Assert.Equal(42, await ExecuteAsync(server, "SELECT value FROM kept"));
    }

    private static async Task<object?> ExecuteAsync(ThrowawayPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
