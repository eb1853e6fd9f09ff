using System.Net;
using Consortium.Silo.Tests.Infrastructure;
using Npgsql;

namespace Consortium.Silo.Tests.Hosting;

/// <summary>A silo executable with no dashboard settings, stopped as systemd and Kubernetes stop it (README "Operations").</summary>
public sealed class SiloShutdownTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SiloWithDefaultSettingsServesNoDashboardAndLeavesTheClusterOnSigterm()
    {
        await using var silo = await SiloProcess.StartAsync(SiloSettings.For(_database, []));
        using (var http = new HttpClient { BaseAddress = silo.HttpAddress })
        using (var dashboard = await http.GetAsync("/dashboard/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        }
        Assert.Equal(new[] { SiloStatusActive }, await MembershipStatusesAsync());

        var exitCode = await silo.StopAsync();

        Assert.True(exitCode == 0, $"The silo exited with {exitCode}:\n{silo.OutputText}");
        Assert.Equal(new[] { SiloStatusDead }, await MembershipStatusesAsync());
    }

    // Orleans' SiloStatus as its membership table stores it.
    private const int SiloStatusActive = 3;
    private const int SiloStatusDead = 6;

    private async Task<int[]> MembershipStatusesAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM orleansmembershiptable", connection);
        var statuses = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetInt32(0));
        }
        return [.. statuses];
    }
}
