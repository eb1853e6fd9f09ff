using Consortium.Orcid.Configuration;
using System.Globalization;

namespace Consortium.Bench;

/// <summary>What every benchmark host shares: an embedded silo on a fresh SQLite file and free ports, pointed at a simulator.</summary>
public static class BenchHost
{
    /// <summary>Outside Development like Production, but not Production, which refuses ORCID endpoints at a simulator.</summary>
    public const string EnvironmentName = "Benchmark";

    /// <summary>Where ORCID is for a benchmark that never calls it: the discard port.</summary>
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    public static Dictionary<string, string?> Settings(Uri? orcid = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = "Embedded",
            ["Orleans:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"consortium-bench-{Guid.NewGuid():N}"),
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:ServiceId"] = $"bench-{Guid.NewGuid():N}",
            // Outside Development the key ring must be encrypted; a throw-away key for each run.
            ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        // A cluster requires every ORCID endpoint to be set.
        var simulator = OrcidEndpoints.Simulator(orcid ?? Nowhere);
        return new(settings.Concat(OrcidEndpoints.Settings(simulator, simulator)));
    }

    /// <summary>Email through <paramref name="smtp"/>, without TLS (loopback).</summary>
    public static Dictionary<string, string?> SmtpSettings(SmtpSink smtp) => new()
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Email:SmtpStartTls"] = "false",
    };

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
