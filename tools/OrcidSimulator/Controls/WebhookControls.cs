using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Controls;

/// <summary><c>GET /_sim/records/{orcid}/webhooks</c>: the hooks registered for a record, whose client, when last called and
/// how many calls failed since (ORCID itself has no API to list them).</summary>
public static class WebhookControls
{
    public static void MapWebhookControls(this RouteGroupBuilder sim) =>
        sim.MapGet("/records/{orcid}/webhooks", (string orcid, WebhookRegistry registry) => Results.Ok(registry.Of(orcid)));
}
