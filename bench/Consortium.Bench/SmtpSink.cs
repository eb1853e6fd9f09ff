using System.Diagnostics;
using System.Net.Sockets;

namespace Consortium.Bench;

/// <summary>A real SMTP server on loopback, Python's aiosmtpd (Debian's python3-aiosmtpd), writing what it receives into a Maildir.</summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process _server;
    private readonly string _maildir;

    private SmtpSink(int port, Process server, string maildir) => (Port, _server, _maildir) = (port, server, maildir);

    public int Port { get; }

    /// <summary>How many messages have arrived.</summary>
    public int Received => Directory.Exists(Path.Combine(_maildir, "new")) ? Directory.GetFiles(Path.Combine(_maildir, "new")).Length : 0;

    public static async Task<SmtpSink> StartAsync()
    {
        var port = BenchHost.FreePort();
        var maildir = Path.Combine(Path.GetTempPath(), $"consortium-bench-maildir-{Guid.NewGuid():N}");
        var server = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        { RedirectStandardError = true, RedirectStandardOutput = true }) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        var sink = new SmtpSink(port, server, maildir);
        await sink.WaitForPortAsync();
        return sink;
    }

    private async Task WaitForPortAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
                return;
            }
            catch (SocketException) when (!_server.HasExited)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }

    public void Dispose()
    {
        _server.Kill(entireProcessTree: true);
        _server.Dispose();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }
}
