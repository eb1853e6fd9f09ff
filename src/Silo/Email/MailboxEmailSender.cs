using Consortium.Grains.Email;
using Consortium.Silo.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Consortium.Silo.Email;

/// <summary>Keeps messages as .eml files in a folder, for a first run with no mail server: the portal shows them at /mailbox.</summary>
public sealed class MailboxEmailSender(
    IOptions<EmailOptions> options, OrleansHostingOptions hosting, TimeProvider clock, ILogger<MailboxEmailSender> logger) : IEmailTransport
{
    public string Directory => Path.GetFullPath(options.Value.MailboxDirectory ?? Path.Combine(hosting.DataDirectory, "mailbox"));

    public async Task SendAsync(EmailMessage email, CancellationToken cancellationToken = default)
    {
        using var message = MimeMessages.From(email, options.Value);
        System.IO.Directory.CreateDirectory(Directory);
        // Sortable by time, unique by the random part.
        var path = Path.Combine(Directory, $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        // Written aside, then moved into place: a reader of the folder never sees half a message.
        await message.WriteToAsync(path + ".part", cancellationToken);
        File.Move(path + ".part", path);
        // Addresses are personal data: named only at Debug.
        logger.LogInformation("Put \"{Subject}\" to {Count} recipient(s) in the local mailbox (/mailbox)", message.Subject, message.To.Count);
        logger.LogDebug("Recipients of \"{Subject}\": {Recipients}", message.Subject, message.To.ToString());
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        var messages = new List<MailboxMessage>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.eml").OrderDescending())
        {
            var message = await MimeMessage.LoadAsync(file, cancellationToken);
            messages.Add(new MailboxMessage(Path.GetFileNameWithoutExtension(file), message.Date, message.To.ToString(), message.Subject ?? "", message.TextBody ?? ""));
        }
        return messages;
    }
}

public sealed record MailboxMessage(string Id, DateTimeOffset Date, string To, string Subject, string TextBody);
