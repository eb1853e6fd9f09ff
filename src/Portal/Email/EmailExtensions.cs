namespace Consortium.Portal.Email;

public static class EmailExtensions
{
    public static void AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var delivery = builder.Configuration.GetValue($"{EmailOptions.SectionName}:{nameof(EmailOptions.Delivery)}", EmailDelivery.Mailbox);
        if (delivery == EmailDelivery.Smtp)
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<MailboxEmailSender>();
            builder.Services.AddSingleton<IEmailSender>(services => services.GetRequiredService<MailboxEmailSender>());
        }
    }
}
