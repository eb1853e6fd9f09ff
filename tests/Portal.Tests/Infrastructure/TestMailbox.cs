using Consortium.Portal.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>The portal's mailbox folder as the recipient's inbox: tests follow emailed links without the /mailbox page,
/// which only operators may read.</summary>
public static class TestMailbox
{
    /// <returns>The text of the newest message with this subject.</returns>
    public static async Task<string> BodyAsync(IServiceProvider portal, string subject)
    {
        var messages = await portal.GetRequiredService<MailboxEmailSender>().ListAsync();
        return messages.FirstOrDefault(message => message.Subject == subject)?.TextBody
            ?? throw new InvalidOperationException($"No message \"{subject}\" in the mailbox; it has: {string.Join("; ", messages.Select(m => m.Subject))}.");
    }
}
