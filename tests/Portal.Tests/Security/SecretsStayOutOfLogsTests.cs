using System.Diagnostics;
using System.Net.Http.Json;
using Consortium.Portal.Hosting;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;

namespace Consortium.Portal.Tests.Security;

/// <summary>The operator key never reaches captured output, and invited people's addresses are not logged at Information.</summary>
public sealed class SecretsStayOutOfLogsTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void WhenOutputIsCapturedTheOperatorKeyGoesToAFileOnlyItsOwnerCanRead()
    {
        var data = PortalFactory.NewDataDirectory();
        var output = new StringWriter();

        OperatorKeyNotice.Tell(output, outputIsTerminal: false, data, "op.secret-key-1234");

        var file = Path.Combine(data, OperatorKeyNotice.FileName);
        Assert.DoesNotContain("op.secret-key-1234", output.ToString());
        Assert.Contains(file, output.ToString());
        Assert.Equal("op.secret-key-1234", File.ReadAllText(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void ATerminalIsShownTheOperatorKeyAndNoFileIsWritten()
    {
        var data = PortalFactory.NewDataDirectory();
        var output = new StringWriter();

        OperatorKeyNotice.Tell(output, outputIsTerminal: true, data, "op.secret-key-5678");

        Assert.Contains("op.secret-key-5678", output.ToString());
        Assert.False(File.Exists(Path.Combine(data, OperatorKeyNotice.FileName)));
    }

    [Fact]
    public async Task InvitedAddressesAreNotLoggedAtInformation()
    {
        var logs = new FakeLoggerProvider();
        var factory = new PortalFactory();
        await using var portal = factory.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(logs)));
        var api = portal.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", factory.OperatorApiKey);
        var consortium = "logs-" + Guid.NewGuid().ToString("N")[..8];
        var address = $"private-{Guid.NewGuid():N}@example.org";
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Logs Consortium" })).EnsureSuccessStatusCode();

        (await api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/invitations", new { email = address })).EnsureSuccessStatusCode();

        // The outbox sends in the background: wait for the send to be logged.
        var sending = Stopwatch.StartNew();
        while (!logs.Collector.GetSnapshot().Any(entry => entry.Message.Contains("recipient(s)")) && sending.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }
        var logged = logs.Collector.GetSnapshot();
        Assert.Contains(logged, entry => entry.Message.Contains("invitation.sent"));
        Assert.Contains(logged, entry => entry.Message.Contains("recipient(s)"));
        Assert.DoesNotContain(logged, entry => entry.Level >= LogLevel.Information && entry.Message.Contains(address));
        Assert.DoesNotContain(logged, entry => entry.Message.Contains(factory.OperatorApiKey));
    }
}
