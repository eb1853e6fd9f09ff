using Consortium.Grains.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Consortium.Silo.Email;

public static class EmailExtensions
{
    /// <summary>
    /// How this process's silo sends the outbox's mail (the <c>Email</c> section) and how the outbox retries (<c>EmailOutbox</c>):
    /// the embedded portal and every cluster silo call this, since sending happens where the outbox grains run.
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable delivery is configured (<see cref="EmailOptions.ChosenDelivery"/>): the process does not start.</exception>
    public static void AddEmail(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() ?? new();
        var delivery = configured.ChosenDelivery(builder.Environment);
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName)
            .PostConfigure(options => options.Delivery = delivery)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<EmailOutboxOptions>().BindConfiguration(EmailOutboxOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (delivery == EmailDelivery.Smtp)
        {
            builder.Services.AddSingleton<IEmailTransport, SmtpEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<MailboxEmailSender>();
            builder.Services.AddSingleton<IEmailTransport>(services => services.GetRequiredService<MailboxEmailSender>());
        }
    }
}
