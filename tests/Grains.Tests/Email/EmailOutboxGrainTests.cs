using System.Text;
using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.Portal.Tests.Infrastructure;
using Consortium.Silo.Email;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Consortium.Grains.Tests.Email;

/// <summary>The outbox grain against a real SMTP server (aiosmtpd) that is down, then up, on a real silo and SQLite file.</summary>
public sealed class EmailOutboxGrainTests : IAsyncLifetime
{
    // Not started until a test says so: until then nothing listens on its port, as when the mail server is down.
    private readonly SmtpServerFixture _smtp = new();
    private SqliteTestCluster _cluster = null!;
    private bool _smtpStarted;

    private const int MaxAttempts = 4;

    public async Task InitializeAsync() => _cluster = await SqliteTestCluster.StartAsync(silo =>
    {
        SqliteTestCluster.ResumeQuickly(silo);
        silo.Services.AddOptions<EmailOptions>().Configure(options =>
            (options.Delivery, options.SmtpHost, options.SmtpPort, options.SmtpStartTls) = (EmailDelivery.Smtp, "127.0.0.1", _smtp.Port, false));
        silo.Services.AddSingleton<IEmailTransport, SmtpEmailSender>();
        silo.Services.Configure<EmailOutboxOptions>(options =>
        {
            options.FirstRetryDelay = TimeSpan.FromMilliseconds(200);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(400);
            options.MaxAttempts = MaxAttempts;
            options.WakeUpPeriod = TimeSpan.FromSeconds(2);
        });
    });

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        if (_smtpStarted)
        {
            await _smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task MailQueuedWhileTheServerIsDownArrivesOnceEachWhenItIsBack()
    {
        var outbox = Outbox();
        var addresses = Enumerable.Range(0, 60).Select(i => $"down-{i}-{Guid.NewGuid():N}@example.org").ToList();

        // Three chunks, three calls: as a CSV batch queues them.
        foreach (var chunk in addresses.Chunk(20))
        {
            await outbox.EnqueueAsync([.. chunk.Select(address => Item(address))]);
        }
        await Poll.UntilAsync(async () => await outbox.UnsentAsync(1000) is { Count: 60 } unsent && unsent.All(entry => entry.Attempts >= 1));
        var whileDown = await outbox.UnsentAsync(1000);
        Assert.All(whileDown, entry => Assert.Contains("Connect", entry.LastError));
        await StartSmtpAsync();

        await Poll.UntilAsync(async () => (await outbox.UnsentAsync()).Count == 0);
        foreach (var address in addresses)
        {
            Assert.Single(await _smtp.MessagesToAsync(address));
        }
        Assert.All(await outbox.ForReferencesAsync([.. addresses]), entry => Assert.Equal(OutboxStatus.Sent, entry.Status));
    }

    [Fact]
    public async Task AfterTheLastAttemptTheMessageIsFailedWithItsErrorAndAResendDeliversTheSameMessage()
    {
        var outbox = Outbox();
        var address = $"failed-{Guid.NewGuid():N}@example.org";
        var item = Item(address, reference: "invitation-1");
        await outbox.EnqueueAsync([item]);

        await Poll.UntilAsync(async () => (await outbox.ForReferencesAsync(["invitation-1"])) is [{ Status: OutboxStatus.Failed }]);
        var failed = Assert.Single(await outbox.UnsentAsync());
        Assert.Equal((OutboxStatus.Failed, MaxAttempts, address), (failed.Status, failed.Attempts, failed.To));
        Assert.StartsWith("SocketException", failed.LastError);
        Assert.False(await outbox.ResendAsync("no-such-reference"));
        await StartSmtpAsync();
        // Failed stays failed: nothing is sent until an admin says so.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await _smtp.MessagesToAsync(address));

        Assert.True(await outbox.ResendAsync("invitation-1"));

        var received = Assert.Single(await _smtp.WaitForMessagesToAsync(address));
        Assert.Equal((item.Message.Subject, item.Message.TextBody), (received.Subject, received.TextBody?.TrimEnd()));
        await Poll.UntilAsync(async () => (await outbox.ForReferencesAsync(["invitation-1"])) is [{ Status: OutboxStatus.Sent }]);
        Assert.False(await outbox.ResendAsync("invitation-1"));
    }

    [Fact]
    public async Task MailPendingWhenTheSiloIsKilledIsSentByTheNextOne()
    {
        var address = $"restart-{Guid.NewGuid():N}@example.org";
        var outboxKey = OutboxKey.ForTenant(UniqueSlug.New());
        await _cluster.Client.GetEmailOutbox(outboxKey).EnqueueAsync([Item(address)]);
        await Poll.UntilAsync(async () => (await _cluster.Client.GetEmailOutbox(outboxKey).UnsentAsync()) is [{ Attempts: >= 1 }]);

        await _cluster.KillAndRestartSiloAsync();
        await StartSmtpAsync();

        // Nothing calls the outbox after the restart: only its reminder can wake it.
        Assert.Single(await _smtp.WaitForMessagesToAsync(address, timeout: TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TheQueuedMessageWithItsLinkIsNotInTheDatabaseInClearText()
    {
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var subject = "Subject " + Guid.NewGuid().ToString("N");
        var outbox = Outbox();
        await outbox.EnqueueAsync([new OutboxItem("invitation-2",
            new EmailMessage($"clear-{Guid.NewGuid():N}@example.org", subject, $"Open https://portal.example/invitations/{secret} to accept."))]);
        await Poll.UntilAsync(async () => (await outbox.UnsentAsync()) is [{ Attempts: >= 1 }]);

        var database = await ReadDatabaseFilesAsync();
        // The subject is stored in clear for the admin's list: the search finds what is there.
        Assert.Contains(subject, database);
        Assert.DoesNotContain(secret, database);
    }

    private IEmailOutboxGrain Outbox() => _cluster.Client.GetEmailOutbox(OutboxKey.ForTenant(UniqueSlug.New()));

    private static OutboxItem Item(string address, string? reference = null) =>
        new(reference ?? address, new EmailMessage(address, $"Invitation for {address}", $"Hello,\n\nopen https://portal.example/invitations/{Guid.NewGuid():N} to accept."));

    private async Task StartSmtpAsync()
    {
        await _smtp.InitializeAsync();
        _smtpStarted = true;
    }

    /// <summary>The SQLite file and its write-ahead log as text (UTF-8, as SQLite stores TEXT), read while the silo runs.</summary>
    private async Task<string> ReadDatabaseFilesAsync()
    {
        var text = new StringBuilder();
        foreach (var path in new[] { _cluster.DatabasePath, _cluster.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory);
            text.Append(Encoding.UTF8.GetString(memory.ToArray()));
        }
        return text.ToString();
    }
}
