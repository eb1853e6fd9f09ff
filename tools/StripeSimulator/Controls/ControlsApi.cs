using Consortium.StripeSimulator.State;
using Consortium.StripeSimulator.Webhooks;

namespace Consortium.StripeSimulator.Controls;

/// <summary>Test controls under <c>/_sim/</c>: what a buyer, a bank or Stripe's clock would do. Each answers once the
/// webhooks it caused were delivered, with the events (and what the endpoint answered).</summary>
public static class ControlsApi
{
    public static void MapControlsApi(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim").DisableAntiforgery();
        sim.MapPost("/checkout/{id}/complete", (string id, StripeStore store, WebhookSender webhooks) =>
            store.FindSession(id) is { } session ? SendAsync(store.CompleteCheckout(session), webhooks) : Task.FromResult(NotFound("checkout session", id)));
        sim.MapPost("/checkout/{id}/cancel", (string id, StripeStore store, WebhookSender webhooks) =>
            store.FindSession(id) is { } session ? SendAsync(store.ExpireCheckout(session), webhooks) : Task.FromResult(NotFound("checkout session", id)));
        sim.MapPost("/subscriptions/{id}/fail-payment", (string id, StripeStore store, WebhookSender webhooks) => OnSubscription(id, store, webhooks, store.FailPayment));
        sim.MapPost("/subscriptions/{id}/pay", (string id, StripeStore store, WebhookSender webhooks) => OnSubscription(id, store, webhooks, store.Pay));
        sim.MapPost("/subscriptions/{id}/cancel", (string id, StripeStore store, WebhookSender webhooks) => OnSubscription(id, store, webhooks, store.Cancel));
        sim.MapPost("/subscriptions/{id}/refuse-updates", (string id, int? count, StripeStore store) =>
            store.FindSubscription(id) is { } subscription ? Results.Ok(new { refusalsLeft = store.RefuseUpdates(subscription, count ?? 1) }) : NotFound("subscription", id));
        sim.MapGet("/subscriptions/{id}", (string id, StripeStore store) =>
            store.FindSubscription(id) is { } subscription ? Results.Json(store.Json(subscription)) : NotFound("subscription", id));
        sim.MapGet("/events", (StripeStore store) => Results.Ok(store.Events().Select(View)));
        sim.MapPost("/events/{id}/resend", async (string id, StripeStore store, WebhookSender webhooks) =>
        {
            if (store.FindEvent(id) is not { } stripeEvent)
            {
                return NotFound("event", id);
            }
            await webhooks.SendAsync(stripeEvent);
            return Results.Ok(View(stripeEvent));
        });
        sim.MapGet("/meter-events", (StripeStore store) => Results.Ok(store.MeterEvents()));
        sim.MapPost("/webhook", (WebhookEndpointRequest body, WebhookSender webhooks) =>
        {
            webhooks.Endpoint = body.Url;
            return Results.NoContent();
        });
    }

    private static async Task<IResult> OnSubscription(string id, StripeStore store, WebhookSender webhooks, Func<Subscription, IReadOnlyList<StripeEvent>> change) =>
        store.FindSubscription(id) is { } subscription ? await SendAsync(change(subscription), webhooks) : NotFound("subscription", id);

    private static async Task<IResult> SendAsync(IReadOnlyList<StripeEvent> events, WebhookSender webhooks)
    {
        await webhooks.SendAsync(events);
        return Results.Ok(events.Select(View));
    }

    private static EventView View(StripeEvent e) => new(e.Id, e.Type, e.Created, e.Object["id"]?.GetValue<string>(), e.Attempts, e.LastResponseStatus);

    private static IResult NotFound(string kind, string id) => Results.NotFound($"No {kind} '{id}'.");
}

/// <summary>An event as the controls list it: which object, how often it was sent, what the endpoint last answered.</summary>
public sealed record EventView(string Id, string Type, long Created, string? ObjectId, int Attempts, int? LastResponseStatus);

public sealed record WebhookEndpointRequest(Uri? Url);
