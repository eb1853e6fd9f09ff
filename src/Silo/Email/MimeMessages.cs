using Consortium.Grains.Email;
using MimeKit;

namespace Consortium.Silo.Email;

/// <summary>An outbox message as MIME, from the configured sender.</summary>
public static class MimeMessages
{
    public static MimeMessage From(EmailMessage email, EmailOptions options)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Body = new TextPart("plain") { Text = email.TextBody },
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }
}
