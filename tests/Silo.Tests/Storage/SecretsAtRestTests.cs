using System.Text;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
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
        var orcid = sandbox.Address().ToString();
        using var silo = await ConsortiumHosts.StartAsync(HostingMode.Cluster, database.ConnectionString, $"secrets-{Guid.NewGuid():N}", new Dictionary<string, string?>
        {
            ["Orcid:Sandbox:OAuthUrl"] = orcid,
            ["Orcid:Sandbox:MemberApiUrl"] = $"{orcid}v3.0",
            ["Orcid:Sandbox:PublicApiUrl"] = $"{orcid}pub/v3.0",
        });
        using var controls = new SimulatorControls(sandbox.Address());
        var (clientId, secret) = await controls.RegisterClientAsync("Cluster University", "http://localhost/cb");

        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For("cluster-org", OrcidEnvironmentName.Sandbox)).StoreAsync(clientId, secret);
        var token = await ConnectResearcherAsync(grains, controls, clientId);

        Assert.False(await AnyRowContainsAsync(database.ConnectionString, secret), "The client secret is in PostgreSQL in plain text.");
        Assert.False(await AnyRowContainsAsync(database.ConnectionString, token), "The researcher's token is in PostgreSQL in plain text.");
        Assert.True(await AnyRowContainsAsync(database.ConnectionString, clientId), "The scan should find what is stored in the clear.");
        await silo.StopAsync();
    }

    /// <summary>The demo researcher consents through the simulator's authorize page; returns the token the grain stored.</summary>
    private static async Task<string> ConnectResearcherAsync(IGrainFactory grains, SimulatorControls orcid, string clientId)
    {
        var state = ConsentRequestGrain.NewState();
        var request = grains.GetGrain<IConsentRequestGrain>(ConsentRequestGrain.KeyFor(state));
        await request.BeginAsync(new ConsentRequest("cluster-org", OrcidEnvironmentName.Sandbox, "browser", "nonce", null));
        await orcid.DecideNextConsentAsync(OrcidSimulatorApp.DemoResearcher.Orcid, authorize: true);
        var code = (await orcid.AuthorizeAsync(clientId, new Uri("http://localhost/cb"), state, "/activities/update"))!;
        var connected = await request.AuthorizeAsync("cluster-org", "browser", code, new Uri("http://localhost/cb"));
        var access = await grains.GetGrain<IResearcherGrain>(ResearcherKey.For("cluster-org", OrcidEnvironmentName.Sandbox, connected.Researcher!.Orcid)).GetAccessAsync();
        return access!.AccessToken;
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
