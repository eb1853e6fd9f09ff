using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;

namespace Consortium.Silo.Email;

public enum EmailDelivery
{
    /// <summary>Messages are written as .eml files to a folder, and the portal shows them to operators at /mailbox (Development's default).</summary>
    Mailbox,

    /// <summary>Messages go to an SMTP server.</summary>
    Smtp,
}

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Unset: the mailbox in Development; anywhere else a start refuses until it is set (see <see cref="ChosenDelivery"/>).</summary>
    public EmailDelivery? Delivery { get; set; }

    /// <summary>Mailbox delivery outside Development keeps every invitation link on the server, readable at /mailbox by
    /// operators: refused unless this says so.</summary>
    public bool AllowMailboxOutsideDevelopment { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "consortium@localhost";

    /// <summary>Mailbox delivery's folder; by default <c>mailbox</c> in embedded mode's data folder.</summary>
    public string? MailboxDirectory { get; set; }

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>Use STARTTLS when the server offers it; plain SMTP otherwise (a local relay).</summary>
    public bool SmtpStartTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Why <c>Email:Delivery</c> must be set outside Development.</summary>
    public const string DeliveryPurpose = $"invitations would reach nobody: set {SectionName}:Delivery=Smtp and {SectionName}:SmtpHost "
        + $"(and {SectionName}:From); the local mailbox ({SectionName}:Delivery=Mailbox) is for Development";

    /// <summary>How email goes out here, or why it cannot: the local mailbox only in Development unless allowed, SMTP with a host.</summary>
    /// <exception cref="InvalidOperationException">No usable delivery is configured; the message says what to set.</exception>
    public EmailDelivery ChosenDelivery(IHostEnvironment environment)
    {
        var delivery = Delivery ?? (environment.IsDevelopment() ? EmailDelivery.Mailbox
            : throw new InvalidOperationException($"No email delivery is configured: {DeliveryPurpose}."));
        if (delivery == EmailDelivery.Mailbox && !environment.IsDevelopment() && !AllowMailboxOutsideDevelopment)
        {
            throw new InvalidOperationException(
                $"{SectionName}:Delivery=Mailbox keeps every invitation link on this server instead of sending it, which is for Development only "
                + $"(this is {environment.EnvironmentName}). Send email with {SectionName}:Delivery=Smtp and {SectionName}:SmtpHost, "
                + $"or set {SectionName}:AllowMailboxOutsideDevelopment=true to keep the mailbox (operators only, at /mailbox).");
        }
        if (delivery == EmailDelivery.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            throw new InvalidOperationException($"{SectionName}:Delivery is Smtp but {SectionName}:SmtpHost is not set: name the SMTP server to send through.");
        }
        return delivery;
    }
}
