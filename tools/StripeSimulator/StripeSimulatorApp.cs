using Consortium.StripeSimulator.Api;
using Consortium.StripeSimulator.Checkout;
using Consortium.StripeSimulator.Controls;
using Consortium.StripeSimulator.State;
using Consortium.StripeSimulator.Webhooks;

namespace Consortium.StripeSimulator;

/// <summary>Builds a Stripe look-alike. Each instance has its own state.</summary>
public static class StripeSimulatorApp
{
    public static WebApplication Build(StripeSimulatorOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StripeSimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Hosted inside the portal, the look-alike must not pick up the portal's appsettings or URLs.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<StripeStore>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<IdempotencyFilter>();
        builder.Services.AddSingleton<SecretKeyFilter>();

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<StripeStore>().BaseAddress = app.Address());
        app.MapGet("/", () => "Stripe look-alike: API at /v1, checkout pages at /c/pay/{id}, test controls at /_sim.");
        app.MapStripeApi();
        app.MapHostedPages();
        app.MapControlsApi();
        return app;
    }

    /// <summary>The address it listens on once started (the real port when the options asked for port 0).</summary>
    public static Uri Address(this WebApplication simulator) => new(simulator.Urls.First());
}
