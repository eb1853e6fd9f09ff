using System.Text.Json.Nodes;

namespace Consortium.StripeSimulator.State;

/// <summary>The objects as Stripe's API answers them (https://docs.stripe.com/api, shapes of API version 2026-10-28):
/// snake_case, Unix-second times, lists as <c>{object: "list", data, has_more, url}</c>.</summary>
public static class StripeJson
{
    public static JsonObject List(string url, IEnumerable<JsonObject> data) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. data]),
        ["has_more"] = false,
        ["url"] = url,
    };

    public static JsonObject Of(Customer customer) => new()
    {
        ["id"] = customer.Id,
        ["object"] = "customer",
        ["email"] = customer.Email,
        ["name"] = customer.Name,
        ["metadata"] = Map(customer.Metadata),
        ["created"] = customer.Created,
        ["livemode"] = false,
    };

    public static JsonObject Of(Price price) => new()
    {
        ["id"] = price.Id,
        ["object"] = "price",
        ["active"] = true,
        ["currency"] = price.Currency,
        ["unit_amount"] = price.UnitAmount,
        ["product"] = price.Product,
        ["type"] = "recurring",
        ["recurring"] = new JsonObject { ["interval"] = price.Interval, ["interval_count"] = 1, ["usage_type"] = price.UsageType, ["meter"] = price.Meter },
        ["nickname"] = price.ProductName,
        ["metadata"] = Map(price.Metadata),
        ["created"] = price.Created,
        ["livemode"] = false,
    };

    public static JsonObject Of(CheckoutSession session, Uri baseAddress) => new()
    {
        ["id"] = session.Id,
        ["object"] = "checkout.session",
        ["mode"] = "subscription",
        ["customer"] = session.CustomerId,
        ["client_reference_id"] = session.ClientReferenceId,
        ["status"] = session.Status,
        ["payment_status"] = session.Status == "complete" ? "paid" : "unpaid",
        ["subscription"] = session.SubscriptionId,
        ["success_url"] = session.SuccessUrl,
        ["cancel_url"] = session.CancelUrl,
        ["url"] = session.Status == "open" ? new Uri(baseAddress, $"/c/pay/{session.Id}").AbsoluteUri : null,
        ["currency"] = session.LineItems[0].Price.Currency,
        ["amount_total"] = session.LineItems.Sum(item => item.Price.UnitAmount * item.Quantity),
        ["metadata"] = Map(session.Metadata),
        ["created"] = session.Created,
        ["expires_at"] = session.Created + 24 * 3600,
        ["livemode"] = false,
    };

    public static JsonObject Of(Subscription subscription) => new()
    {
        ["id"] = subscription.Id,
        ["object"] = "subscription",
        ["customer"] = subscription.CustomerId,
        ["status"] = subscription.Status,
        ["currency"] = subscription.Currency,
        ["collection_method"] = "charge_automatically",
        ["items"] = List($"/v1/subscription_items?subscription={subscription.Id}", subscription.Items.Select(item => new JsonObject
        {
            ["id"] = item.Id,
            ["object"] = "subscription_item",
            ["price"] = Of(item.Price),
            ["quantity"] = item.Quantity,
            ["subscription"] = subscription.Id,
            ["metadata"] = Map(item.Metadata),
            ["current_period_start"] = subscription.CurrentPeriodStart,
            ["current_period_end"] = subscription.CurrentPeriodEnd,
            ["created"] = item.Created,
        })),
        ["latest_invoice"] = subscription.LatestInvoiceId,
        ["metadata"] = Map(subscription.Metadata),
        ["billing_cycle_anchor"] = subscription.Created,
        ["start_date"] = subscription.Created,
        ["created"] = subscription.Created,
        ["cancel_at_period_end"] = false,
        ["canceled_at"] = subscription.CanceledAt,
        ["ended_at"] = subscription.CanceledAt,
        ["livemode"] = false,
    };

    public static JsonObject Of(Invoice invoice, Uri baseAddress) => new()
    {
        ["id"] = invoice.Id,
        ["object"] = "invoice",
        ["number"] = invoice.Number,
        ["customer"] = invoice.CustomerId,
        ["status"] = invoice.Status,
        ["currency"] = invoice.Currency,
        ["billing_reason"] = invoice.BillingReason,
        ["collection_method"] = "charge_automatically",
        ["subtotal"] = invoice.Total,
        ["total"] = invoice.Total,
        ["amount_due"] = invoice.Total,
        ["amount_paid"] = invoice.Status == "paid" ? invoice.Total : 0,
        ["amount_remaining"] = invoice.Status == "paid" ? 0 : invoice.Total,
        ["attempt_count"] = invoice.AttemptCount,
        ["attempted"] = invoice.AttemptCount > 0,
        ["period_start"] = invoice.PeriodStart,
        ["period_end"] = invoice.PeriodEnd,
        ["hosted_invoice_url"] = new Uri(baseAddress, $"/i/{invoice.Id}").AbsoluteUri,
        ["status_transitions"] = new JsonObject { ["paid_at"] = invoice.PaidAt, ["finalized_at"] = invoice.Created },
        // Since API version 2025-03-31 an invoice names its subscription under parent.subscription_details.
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject { ["subscription"] = invoice.SubscriptionId, ["metadata"] = new JsonObject() },
        },
        ["lines"] = List($"/v1/invoices/{invoice.Id}/lines", invoice.Lines.Select(line => new JsonObject
        {
            ["id"] = line.Id,
            ["object"] = "line_item",
            ["amount"] = line.Amount,
            ["currency"] = invoice.Currency,
            ["description"] = line.Description,
            ["quantity"] = line.Quantity,
            ["period"] = new JsonObject { ["start"] = line.PeriodStart, ["end"] = line.PeriodEnd },
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_item_details",
                ["subscription_item_details"] = new JsonObject
                {
                    ["subscription"] = invoice.SubscriptionId,
                    ["subscription_item"] = line.SubscriptionItemId,
                    ["proration"] = line.Proration,
                },
            },
        })),
        ["created"] = invoice.Created,
        ["livemode"] = false,
    };

    public static JsonObject Of(PortalSession session, Uri baseAddress) => new()
    {
        ["id"] = session.Id,
        ["object"] = "billing_portal.session",
        ["customer"] = session.CustomerId,
        ["return_url"] = session.ReturnUrl,
        ["url"] = new Uri(baseAddress, $"/p/session/{session.Id}").AbsoluteUri,
        ["created"] = session.Created,
        ["livemode"] = false,
    };

    public static JsonObject Of(Meter meter) => new()
    {
        ["id"] = meter.Id,
        ["object"] = "billing.meter",
        ["display_name"] = meter.DisplayName,
        ["event_name"] = meter.EventName,
        ["status"] = "active",
        ["default_aggregation"] = new JsonObject { ["formula"] = meter.Formula },
        ["customer_mapping"] = new JsonObject { ["type"] = "by_id", ["event_payload_key"] = "stripe_customer_id" },
        ["value_settings"] = new JsonObject { ["event_payload_key"] = "value" },
        ["event_time_window"] = null,
        ["created"] = meter.Created,
        ["updated"] = meter.Created,
        ["livemode"] = false,
    };

    public static JsonObject Of(MeterEvent meterEvent) => new()
    {
        ["object"] = "billing.meter_event",
        ["event_name"] = meterEvent.EventName,
        ["identifier"] = meterEvent.Identifier,
        ["payload"] = Map(meterEvent.Payload),
        ["timestamp"] = meterEvent.Timestamp,
        ["created"] = meterEvent.Created,
        ["livemode"] = false,
    };

    public static JsonObject Of(StripeEvent stripeEvent, string apiVersion) => new()
    {
        ["id"] = stripeEvent.Id,
        ["object"] = "event",
        ["api_version"] = apiVersion,
        ["created"] = stripeEvent.Created,
        ["type"] = stripeEvent.Type,
        ["data"] = new JsonObject { ["object"] = stripeEvent.Object.DeepClone() },
        ["livemode"] = false,
        ["pending_webhooks"] = stripeEvent.LastResponseStatus is >= 200 and < 300 ? 0 : 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
    };

    public static JsonObject Error(string message, string type = "invalid_request_error", string? param = null, string? code = null) => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["message"] = message, ["param"] = param, ["code"] = code },
    };

    static JsonObject Map(IReadOnlyDictionary<string, string> values) => new(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));
}
