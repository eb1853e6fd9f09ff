using System.Text.Json.Nodes;
using Consortium.StripeSimulator.State;
using Consortium.StripeSimulator.Webhooks;

namespace Consortium.StripeSimulator.Api;

/// <summary>The subset of Stripe's REST API (https://docs.stripe.com/api) the portal uses, under <c>/v1</c>.</summary>
public static class StripeApi
{
    public static void MapStripeApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").DisableAntiforgery().AddEndpointFilter<SecretKeyFilter>().AddEndpointFilter<IdempotencyFilter>();
        v1.MapPost("/customers", async (HttpRequest request, StripeStore store) =>
        {
            var form = await StripeForm.ReadAsync(request);
            return Ok(StripeJson.Of(store.CreateCustomer(form["email"], form["name"], form.Map("metadata"))));
        });
        v1.MapGet("/customers/{id}", (string id, StripeStore store) =>
            store.FindCustomer(id) is { } customer ? Ok(StripeJson.Of(customer)) : Missing("customer", id));
        v1.MapPost("/prices", async (HttpRequest request, StripeStore store) =>
        {
            var form = await StripeForm.ReadAsync(request);
            return Ok(StripeJson.Of(NewPrice(store, form, form.Map("metadata"))));
        });
        v1.MapGet("/prices/{id}", (string id, StripeStore store) => store.FindPrice(id) is { } price ? Ok(StripeJson.Of(price)) : Missing("price", id));
        v1.MapCheckoutSessions();
        v1.MapSubscriptions();
        v1.MapGet("/invoices", (string? subscription, string? customer, int? limit, StripeStore store) =>
            Ok(StripeJson.List("/v1/invoices", store.Invoices(subscription, customer, Math.Clamp(limit ?? 10, 1, 100)))));
        v1.MapGet("/invoices/{id}", (string id, StripeStore store) => store.InvoiceJson(id) is { } invoice ? Ok(invoice) : Missing("invoice", id));
        v1.MapPost("/billing_portal/sessions", async (HttpRequest request, StripeStore store) =>
        {
            var form = await StripeForm.ReadAsync(request);
            if (form["customer"] is not { } customer || store.FindCustomer(customer) is null)
            {
                return Missing("customer", form["customer"] ?? "", "customer");
            }
            return Ok(StripeJson.Of(store.CreatePortalSession(customer, form["return_url"] ?? store.BaseAddress.AbsoluteUri), store.BaseAddress));
        });
        v1.MapGet("/billing/meters", (StripeStore store) => Ok(StripeJson.List("/v1/billing/meters", store.Meters().Select(StripeJson.Of))));
        v1.MapPost("/billing/meters", async (HttpRequest request, StripeStore store) =>
        {
            var form = await StripeForm.ReadAsync(request);
            if (form["display_name"] is not { Length: > 0 } name || form["event_name"] is not { Length: > 0 } eventName)
            {
                throw new StripeRequestException("A meter needs display_name and event_name.", "event_name");
            }
            return Ok(StripeJson.Of(store.CreateMeter(name, eventName, form.Child("default_aggregation")["formula"] ?? "sum")));
        });
        v1.MapPost("/billing/meter_events", async (HttpRequest request, StripeStore store) =>
        {
            var form = await StripeForm.ReadAsync(request);
            var payload = form.Map("payload");
            if (form["event_name"] is not { Length: > 0 } eventName || !payload.ContainsKey("stripe_customer_id") || !long.TryParse(payload.GetValueOrDefault("value"), out _))
            {
                throw new StripeRequestException("A meter event needs event_name, payload[stripe_customer_id] and a whole-number payload[value].", "payload");
            }
            return Ok(StripeJson.Of(store.RecordMeterEvent(form["identifier"], eventName, payload, form.Long("timestamp"))));
        });
    }

    private static void MapCheckoutSessions(this RouteGroupBuilder v1)
    {
        v1.MapPost("/checkout/sessions", async (HttpRequest request, StripeStore store) =>
        {
            var form = await StripeForm.ReadAsync(request);
            if (form["mode"] != "subscription")
            {
                throw new StripeRequestException("The look-alike makes subscription sessions only: mode=subscription.", "mode");
            }
            if (form["success_url"] is not { } success || form["cancel_url"] is not { } cancel)
            {
                throw new StripeRequestException("success_url and cancel_url are required.", "success_url");
            }
            var customer = form["customer"] is { } id
                ? store.FindCustomer(id) ?? throw new StripeRequestException($"No such customer: '{id}'", "customer")
                : store.CreateCustomer(form["customer_email"], null, []);
            var lines = form.Items("line_items").Select(line => (Price: PriceOf(store, line), Quantity: line.Long("quantity"))).Select(line =>
                line.Price.Meter is not null
                    ? line.Quantity is null ? (line.Price, 0L) : throw new StripeRequestException("A metered price's line item takes no quantity.", "line_items")
                    : (line.Price, line.Quantity ?? 1)).ToList();
            if (lines.Count == 0)
            {
                throw new StripeRequestException("line_items must name at least one item.", "line_items");
            }
            var session = store.CreateCheckoutSession(customer.Id, lines, success, cancel, form["client_reference_id"], form.Map("metadata"),
                form.Child("subscription_data").Map("metadata"));
            return Ok(StripeJson.Of(session, store.BaseAddress));
        });
        v1.MapGet("/checkout/sessions/{id}", (string id, StripeStore store) =>
            store.FindSession(id) is { } session ? Ok(StripeJson.Of(session, store.BaseAddress)) : Missing("checkout.session", id));
    }

    private static void MapSubscriptions(this RouteGroupBuilder v1)
    {
        v1.MapGet("/subscriptions/{id}", (string id, StripeStore store) =>
            store.FindSubscription(id) is { } subscription ? Ok(store.Json(subscription)) : Missing("subscription", id));
        v1.MapGet("/subscriptions", (string? customer, StripeStore store) =>
            Ok(StripeJson.List("/v1/subscriptions", customer is null ? [] : store.SubscriptionsOf(customer).Select(store.Json))));
        v1.MapPost("/subscriptions/{id}", async (string id, HttpRequest request, StripeStore store, WebhookSender webhooks) =>
        {
            if (store.FindSubscription(id) is not { } subscription)
            {
                return Missing("subscription", id);
            }
            if (subscription.Status == "canceled")
            {
                throw new StripeRequestException("A canceled subscription can only update its cancellation_details and metadata.");
            }
            var form = await StripeForm.ReadAsync(request);
            var changes = form.Items("items").Select(item => new ItemChange(item["id"], item.Long("quantity"), item["deleted"] == "true",
                item["id"] is null ? PriceOf(store, item) : null, item.Map("metadata") is { Count: > 0 } metadata ? metadata : null)).ToList();
            var events = store.UpdateSubscription(subscription, changes, form["proration_behavior"] ?? "create_prorations", form.Map("metadata"));
            await webhooks.SendAsync(events);
            return Ok(store.Json(subscription));
        });
        v1.MapDelete("/subscriptions/{id}", async (string id, StripeStore store, WebhookSender webhooks) =>
        {
            if (store.FindSubscription(id) is not { } subscription)
            {
                return Missing("subscription", id);
            }
            await webhooks.SendAsync(store.Cancel(subscription));
            return Ok(store.Json(subscription));
        });
    }

    /// <summary>A line's price: an existing one by id (<c>price</c>), or inline (<c>price_data</c>).</summary>
    private static Price PriceOf(StripeStore store, StripeForm line) =>
        line["price"] is { } id ? store.FindPrice(id) ?? throw new StripeRequestException($"No such price: '{id}'", "price") : NewPrice(store, line.Child("price_data"));

    /// <summary>A price: its product by id, or a new one named by <c>product_data[name]</c>.</summary>
    private static Price NewPrice(StripeStore store, StripeForm priceData, Dictionary<string, string>? metadata = null)
    {
        if (priceData["currency"] is not { Length: 3 } currency || priceData.Long("unit_amount") is not { } amount || amount < 0)
        {
            throw new StripeRequestException("price_data needs a three-letter currency and a non-negative unit_amount.", "price_data");
        }
        var name = priceData.Child("product_data")["name"] ?? priceData["product"] ?? "Subscription";
        var recurring = priceData.Child("recurring");
        if ((recurring["usage_type"] == "metered") != (recurring["meter"] is not null))
        {
            throw new StripeRequestException("A metered price (recurring[usage_type]=metered) needs its billing meter, recurring[meter], and only it has one.", "recurring[meter]");
        }
        return store.NewPrice(name, priceData["product"], amount, currency, recurring["interval"] ?? "year", metadata, recurring["meter"]);
    }

    private static IResult Ok(JsonObject body) => Results.Json(body);

    private static IResult Missing(string kind, string id, string param = "id") =>
        Results.Json(StripeJson.Error($"No such {kind}: '{id}'", param: param, code: "resource_missing"), statusCode: StatusCodes.Status404NotFound);
}
