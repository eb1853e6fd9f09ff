using Consortium.Grains.OrcidClients;
using Consortium.Grains.Webhooks;

namespace Consortium.Grains.Interfaces;

/// <summary>How a tenant's webhook registrations with ORCID fare in one environment, so its admins see a failure that would
/// otherwise only be logged (without webhooks, cached records are read again only when their time runs out).
/// Key: <see cref="OrcidClientKey.For"/>.</summary>
[Alias("IWebhookStatusGrain")]
public interface IWebhookStatusGrain : IGrainWithStringKey
{
    /// <summary>ORCID accepted a registration (201 or 204).</summary>
    [Alias("Registered")]
    Task RegisteredAsync();

    /// <summary>A registration failed: ORCID refused it or did not answer.</summary>
    [Alias("Failed")]
    Task FailedAsync(string reason);

    [Alias("Get")]
    Task<WebhookStatus> GetAsync();
}
