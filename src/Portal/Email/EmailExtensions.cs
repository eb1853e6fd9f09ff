namespace Consortium.Portal.Email;

public static class EmailExtensions
{
    /// <exception cref="InvalidOperationException">No usable delivery is configured (<see cref="EmailOptions.ChosenDelivery"/>): the portal does not start.</exception>
    public static void AddEmail(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() ?? new();
        var delivery = configured.ChosenDelivery(builder.Environment);
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName)
            .PostConfigure(options => options.Delivery = delivery)
            .ValidateDataAnnotations().ValidateOnStart();
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
