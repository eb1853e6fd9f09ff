using System.Diagnostics;
using System.Globalization;
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
        using var smtp = await SmtpSink.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = BenchHost.EnvironmentName });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = BenchHost.Settings();
        foreach (var (key, value) in BenchHost.SmtpSettings(smtp))
        {
            settings[key] = value;
        }
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        while (smtp.Received < messages || (await outbox.UnsentAsync(1)).Count > 0)
        {
            await Task.Delay(100, timeout.Token);
        }
        var toSendAll = clock.Elapsed;
        await host.StopAsync();
        return new Result(messages, chunk, toQueue, toSendAll, smtp.Received);
    }
}
