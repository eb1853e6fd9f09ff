using Consortium.Orcid.Configuration;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Consortium.Silo.Hosting;
using Consortium.Silo.Tests.Infrastructure;

namespace Consortium.Silo.Tests.Hosting;

/// <summary>One silo executable on PostgreSQL, with the dashboard turned on, as an operator runs it.</summary>
public sealed class SiloExecutableFixture : IAsyncLifetime
{
    public const string OperatorKey = "op-test-dashboard-key-0123456789abcdef";

    private PostgresTestDatabase _database = null!;

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        Silo = await SiloProcess.StartAsync(SiloSettings.For(_database, new()
        {
            ["Dashboard:Enabled"] = "true",
            ["Consortium:OperatorApiKey"] = OperatorKey,
        }));
        Http = new HttpClient { BaseAddress = Silo.HttpAddress };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>What a silo process needs besides the test's own settings: a cluster of its own, the KEK, email delivery.</summary>
public static class SiloSettings
{
    public static Dictionary<string, string?> For(PostgresTestDatabase database, Dictionary<string, string?> more)
    {
        var settings = ConsortiumHosts.ClusterSettings(HostingMode.Cluster, database.ConnectionString, $"silo-{Guid.NewGuid():N}");
        settings["DataProtection:KeyEncryptionKey"] = ConsortiumHosts.KeyEncryptionKey;
        // The outbox sends from the silo; nothing is sent here.
        settings["Email:Delivery"] = "Smtp";
        settings["Email:SmtpHost"] = "localhost";
        // A Production silo names its ORCID and accepts only ORCID's own hosts; these tests make no ORCID call.
        foreach (var (key, value) in OrcidEndpoints.Settings(OrcidEndpoints.RealSandbox(), OrcidEndpoints.RealProduction()).Concat(more))
        {
            settings[key] = value;
        }
        return settings;
    }
}

public sealed class SiloExecutableTests(SiloExecutableFixture fixture) : IClassFixture<SiloExecutableFixture>
{
    [Fact]
    public async Task LiveAnswers200()
    {
        using var response = await fixture.Http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadyAnswers200WithStorageAndClusterHealthyOnPostgres()
    {
        using var response = await fixture.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(check => check.GetProperty("name").GetString()!, check => check.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["storage"] = "Healthy", ["cluster"] = "Healthy" }, checks);
        Assert.StartsWith("PostgreSQL", report.RootElement.GetProperty("checks")[0].GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/ClusterStats")]
    public async Task DashboardRefusesWithoutTheOperatorKey(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("Bearer", "not-the-key")]
    [InlineData("Basic", "operator:not-the-key")]
    public async Task DashboardRefusesAWrongKey(string scheme, string credential)
    {
        using var response = await SendAsync("/dashboard/ClusterStats", scheme, credential);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DashboardPageAnswersTheOperatorKeyAsBearerToken()
    {
        using var response = await SendAsync("/dashboard/", "Bearer", SiloExecutableFixture.OperatorKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DashboardDataAnswersTheOperatorKeyAsBasicPasswordWithAnyUserName()
    {
        using var response = await SendAsync("/dashboard/ClusterStats", "Basic", $"anyone:{SiloExecutableFixture.OperatorKey}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void SiloLogsNoOrleansInformation()
    {
        // Issue #20: the silo logged every Orleans Information message; its appsettings.json says Warning, as the portal's does.
        var output = fixture.Silo.OutputText;
        Assert.DoesNotContain("info: Orleans", output, StringComparison.Ordinal);
        Assert.Contains("info: Microsoft.Hosting.Lifetime", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainerHealthcheckPassesWhileTheSiloAnswersAndFailsOnAPortNobodyListensOn()
    {
        Assert.Equal(0, await HealthcheckAsync(fixture.Silo.HttpAddress.Port));
        Assert.NotEqual(0, await HealthcheckAsync(FreePort.Next()));
    }

    /// <summary>The images' HEALTHCHECK command (deploy/docker/healthcheck.sh), as Docker runs it.</summary>
    private static async Task<int> HealthcheckAsync(int port)
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("deploy/docker/healthcheck.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["HEALTHCHECK_PORT"] = port.ToString();
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return process.ExitCode;
    }

    private Task<HttpResponseMessage> SendAsync(string path, string scheme, string credential)
    {
        var parameter = scheme == "Basic" ? Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)) : credential;
        var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue(scheme, parameter) } };
        return fixture.Http.SendAsync(request);
    }
}
