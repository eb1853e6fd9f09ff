using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Consortium.Grains.Email;

/// <summary>A queued message is kept encrypted: its body holds the invitation link's secret.</summary>
public static class OutboxProtection
{
    /// <summary>One purpose for every outbox: the row's outbox is not part of it, so the sender needs only the row.</summary>
    private const string Purpose = "Consortium.EmailOutbox.v1";

    public static string ProtectMessage(this IDataProtectionProvider protection, EmailMessage message) =>
        protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(message));

    public static EmailMessage UnprotectMessage(this IDataProtectionProvider protection, string protectedMessage) =>
        JsonSerializer.Deserialize<EmailMessage>(protection.CreateProtector(Purpose).Unprotect(protectedMessage))
            ?? throw new InvalidOperationException("A stored message decrypted to nothing.");
}
