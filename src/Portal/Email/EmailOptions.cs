using System.ComponentModel.DataAnnotations;

namespace Consortium.Portal.Email;

public enum EmailDelivery
{
    /// <summary>Messages are written as .eml files to a folder, and the portal shows them at /mailbox (embedded mode's default).</summary>
    Mailbox,

    /// <summary>Messages go to an SMTP server.</summary>
    Smtp,
}

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Mailbox;

    [Required, EmailAddress]
    public string From { get; set; } = "consortium@localhost";

    /// <summary>Mailbox delivery's folder; by default <c>mailbox</c> in embedded mode's data folder.</summary>
    public string? MailboxDirectory { get; set; }

    public string SmtpHost { get; set; } = "localhost";

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>Use STARTTLS when the server offers it; plain SMTP otherwise (a local relay).</summary>
    public bool SmtpStartTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }
}
