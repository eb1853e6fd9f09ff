using MimeKit;

namespace Consortium.Portal.Email;

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
