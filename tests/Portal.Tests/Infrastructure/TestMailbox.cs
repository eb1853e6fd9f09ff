using Consortium.Silo.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>The portal's mailbox folder as the recipient's inbox: tests follow emailed links without the /mailbox page,
/// which only operators may read.</summary>
public static class TestMailbox
{
    /// <returns>The text of the newest message with this subject, waiting for it (up to 20 s): the outbox sends in the
    /// background, after the request has answered.</returns>
    public static async Task<string> BodyAsync(IServiceProvider portal, string subject)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var messages = await portal.GetRequiredService<MailboxEmailSender>().ListAsync();
            if (messages.FirstOrDefault(message => message.Subject == subject) is { } message)
            {
                return message.TextBody;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"No message \"{subject}\" in the mailbox; it has: {string.Join("; ", messages.Select(m => m.Subject))}.");
            }
            await Task.Delay(50);
        }
    }
}
