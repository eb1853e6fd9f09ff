using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Consortium.Grains.Email;
using Consortium.Silo.Email;
using Consortium.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consortium.Bench;

/// <summary>
/// The email outbox as a 10,000-row CSV uses it: the messages queued in chunks of 500 (one grain call each, as the portal's
/// batch does), then sent by the silo through a real SMTP server, Python's aiosmtpd (Debian's python3-aiosmtpd), into a Maildir.
/// </summary>
public static class OutboxBenchmark
{
    public sealed record Result(int Messages, int Chunk, TimeSpan ToQueue, TimeSpan ToSendAll, int Received)
    {
        public double SentPerSecond => Messages / ToSendAll.TotalSeconds;
    }

    public static async Task<Result> RunAsync(int messages, int chunk = 500)
    {
        var port = BenchHost.FreePort();
        var maildir = Path.Combine(Path.GetTempPath(), $"consortium-bench-maildir-{Guid.NewGuid():N}");
        using var smtp = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        { RedirectStandardError = true, RedirectStandardOutput = true }) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        try
        {
            await WaitForPortAsync(port, smtp);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = BenchHost.EnvironmentName });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var settings = BenchHost.Settings();
            settings["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            settings["Email:Delivery"] = "Smtp";
            settings["Email:SmtpHost"] = "127.0.0.1";
            settings["Email:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture);
            settings["Email:SmtpStartTls"] = "false";
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddConsortiumOrleans();
            builder.AddEmail();
            using var host = builder.Build();
            await host.StartAsync();
            var outbox = host.Services.GetRequiredService<IGrainFactory>().GetTenantOutbox("bench-outbox");

            var clock = Stopwatch.StartNew();
            foreach (var rows in Enumerable.Range(0, messages).Chunk(chunk))
            {
                await outbox.EnqueueAsync([.. rows.Select(row => new OutboxItem($"issuance-{row}", new EmailMessage($"researcher-{row}@example.org",
                    "Bench University would like to add a qualification to your ORCID record",
                    $"Hello,\n\nOpen this link and sign in with ORCID to give permission:\nhttps://portal.example/t/bench?env=sandbox&invite={Guid.NewGuid():N}\n")))]);
            }
            var toQueue = clock.Elapsed;
            var received = Path.Combine(maildir, "new");
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
            while ((Directory.Exists(received) ? Directory.GetFiles(received).Length : 0) < messages || (await outbox.UnsentAsync(1)).Count > 0)
            {
                await Task.Delay(100, timeout.Token);
            }
            var toSendAll = clock.Elapsed;
            await host.StopAsync();
            return new Result(messages, chunk, toQueue, toSendAll, Directory.GetFiles(received).Length);
        }
        finally
        {
            smtp.Kill(entireProcessTree: true);
            if (Directory.Exists(maildir))
            {
                Directory.Delete(maildir, recursive: true);
            }
        }
    }

    private static async Task WaitForPortAsync(int port, Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, timeout.Token);
                return;
            }
            catch (SocketException) when (!server.HasExited)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }
}
