using Consortium.Grains.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Silo.Email;

/// <summary>Sends through an SMTP server with MailKit.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailTransport
{
    public async Task SendAsync(EmailMessage email, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = MimeMessages.From(email, settings);
        // Bounded, so a round of the outbox ends within its RoundTimeout even when the server stops answering.
        using var smtp = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds };
        await smtp.ConnectAsync(settings.SmtpHost!, settings.SmtpPort,
            settings.SmtpStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await smtp.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        }
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
        // Subject and recipients only: bodies may carry invitation links.
        // Addresses are personal data: named only at Debug.
        logger.LogInformation("Sent \"{Subject}\" to {Count} recipient(s) through {Host}:{Port}", message.Subject, message.To.Count, settings.SmtpHost, settings.SmtpPort);
        logger.LogDebug("Recipients of \"{Subject}\": {Recipients}", message.Subject, message.To.ToString());
    }
}
