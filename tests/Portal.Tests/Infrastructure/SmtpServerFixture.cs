using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port: Python's aiosmtpd (Debian's python3-aiosmtpd, installed by test.sh)
/// storing what it receives in a Maildir.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    private Process _server = null!;

    public int Port { get; } = FreePort.Next();

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "consortium-tests", $"maildir-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        // aiosmtpd makes the maildir itself, but not its parent (a fresh machine has no test folder yet).
        Directory.CreateDirectory(Path.GetDirectoryName(MailDirectory)!);
        _server = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDirectory])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await AcceptsConnectionsAsync())
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd stopped: {await _server.StandardError.ReadToEndAsync()} Run ./test.sh, which installs python3-aiosmtpd.");
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    public Task DisposeAsync()
    {
        _server.Kill(entireProcessTree: true);
        _server.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every message received so far addressed to <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string address)
    {
        var received = Path.Combine(MailDirectory, "new");
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(received) ? Directory.GetFiles(received) : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(mailbox => mailbox.Address == address))
            {
                messages.Add(message);
            }
        }
        return messages;
    }

    /// <summary>The messages to <paramref name="address"/> once at least <paramref name="count"/> have arrived: the portal's
    /// outbox sends in the background, after the request has answered.</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/> (default 20 s).</exception>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesToAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var messages = await MessagesToAsync(address);
            if (messages.Count >= count)
            {
                return messages;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messages.Count} of {count} message(s) to {address} arrived.");
            }
            await Task.Delay(50);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
