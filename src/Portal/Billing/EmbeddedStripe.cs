using Consortium.Portal.Hosting;
using Consortium.StripeSimulator;

namespace Consortium.Portal.Billing;

/// <summary>
/// Runs the Stripe look-alike with the portal where billing is configured but names no Stripe key of Stripe's own: in
/// Development by itself, elsewhere when <c>Billing:Stripe:Simulator:Enabled</c> is true (tests, trials), in Production never.
/// It posts its webhooks to the portal's <c>/webhooks/stripe</c>, signed with the configured secret (a Development one when unset).
/// </summary>
public sealed class EmbeddedStripe(StripeSimulatorOptions options) : IHostedService, IAsyncDisposable
{
    public const string EnabledSetting = "Billing:Stripe:Simulator:Enabled";
    public const string UrlSetting = "Billing:Stripe:Simulator:Url";
    public const string DevelopmentSecretKey = "sk_test_consortium_simulator";
    public const string DevelopmentWebhookSecret = "whsec_consortium_development";

    private WebApplication? _simulator;

    public static void AddEmbeddedStripe(WebApplicationBuilder builder, PortalAddress portal)
    {
        var settings = builder.Configuration.GetSection(BillingOptions.SectionName).Get<BillingOptions>() ?? new();
        var enabled = builder.Configuration.GetValue<bool?>(EnabledSetting);
        if (enabled == true && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException($"{EnabledSetting} is true in Production: the Stripe look-alike takes no money, so a Production portal never runs it. "
                + "Remove the setting and configure Billing:Stripe:SecretKey and Billing:Stripe:WebhookSecret with Stripe's own.");
        }
        if (!settings.Configured || settings.Stripe.NamesRealStripe || !(enabled ?? builder.Environment.IsDevelopment()))
        {
            return;
        }
        var url = builder.Configuration[UrlSetting] ?? "http://localhost:5083";
        var secretKey = settings.Stripe.SecretKey ?? DevelopmentSecretKey;
        var webhookSecret = settings.Stripe.WebhookSecret ?? DevelopmentWebhookSecret;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Billing:Stripe:SecretKey"] = secretKey,
            ["Billing:Stripe:WebhookSecret"] = webhookSecret,
            ["Billing:Stripe:ApiBase"] = url,
        });
        // On the portal's clock: its webhooks' signatures, periods and proration agree with the portal's idea of now.
        builder.Services.AddSingleton(services => new EmbeddedStripe(new StripeSimulatorOptions
        {
            Urls = url, SecretKey = secretKey, WebhookSecret = webhookSecret, WebhookUrl = portal.For("/webhooks/stripe"),
            Clock = services.GetRequiredService<TimeProvider>(),
        }));
        builder.Services.AddHostedService(services => services.GetRequiredService<EmbeddedStripe>());
    }

    public Uri? Address => _simulator?.Address();

    /// <summary>Built only now, after the portal's own host (see <see cref="EmbeddedOrcid.StartAsync"/>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _simulator = StripeSimulatorApp.Build(options);
        await _simulator.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_simulator is not null)
        {
            await _simulator.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
