using Microsoft.Extensions.Options;
using Stripe;

namespace Consortium.Portal.Billing;

/// <summary>The portal's Stripe.net client, pointed at Stripe or at the look-alike (<c>Billing:Stripe:ApiBase</c>).</summary>
public sealed class StripeGateway(IOptions<BillingOptions> options)
{
    private readonly Lazy<StripeClient> _client = new(() =>
    {
        var stripe = options.Value.Stripe;
        var settings = new StripeClientOptions { ApiKey = stripe.SecretKey };
        if (stripe.ApiBase is { } apiBase)
        {
            var url = apiBase.AbsoluteUri.TrimEnd('/');
            (settings.ApiBase, settings.ConnectBase, settings.FilesBase, settings.MeterEventsBase) = (url, url, url, url);
        }
        return new StripeClient(settings);
    });

    public StripeClient Client => _client.Value;
}
