using Consortium.Portal.Hosting;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Billing;

public static class BillingExtensions
{
    public static void AddBilling(this WebApplicationBuilder builder, PortalAddress portal)
    {
        // Before the options are bound: the look-alike, where it runs, supplies the key, the secret and the API address.
        EmbeddedStripe.AddEmbeddedStripe(builder, portal);
        builder.Services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>();
        builder.Services.AddSingleton<StripeGateway>();
        builder.Services.AddSingleton<CheckoutReadBack>();
        builder.Services.AddSingleton<BillingService>();
        builder.Services.AddSingleton<MeterReporter>();
        builder.Services.AddSingleton<BillingWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BillingWorker>());
    }

    public static void MapBilling(this IEndpointRouteBuilder app)
    {
        app.MapBillingApi();
        app.MapStripeWebhooks();
    }
}
