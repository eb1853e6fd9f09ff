using Consortium.Grains.Email;
using Consortium.Silo.Hosting;
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
    /// <exception cref="InvalidOperationException">The configured delivery is unusable (<see cref="EmailOptions.ChosenDelivery"/>): the process does not start.
    /// None configured outside Development refuses the start with the other missing settings (<see cref="RequiredSettings"/>).</exception>
    public static void AddEmail(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() ?? new();
        if (configured.Delivery is null && !builder.Environment.IsDevelopment())
        {
            RequiredSettings.Report(builder, $"{EmailOptions.SectionName}:Delivery", EmailOptions.DeliveryPurpose);
            return;
        }
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
