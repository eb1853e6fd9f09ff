namespace Consortium.Grains.Email;

/// <summary>Hands one message to the mail system (SMTP or the development mailbox), implemented by the silo's host.</summary>
public interface IEmailTransport
{
    /// <exception cref="Exception">Any failure to hand it over: the outbox retries it later.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
