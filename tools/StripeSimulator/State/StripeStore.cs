using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Consortium.StripeSimulator.State;

/// <summary>
/// Everything one look-alike holds, in memory, behind one lock. Each change answers the events it raised, which the
/// caller sends (outside the lock) before it answers, so a test that drives a change sees its webhooks delivered.
/// </summary>
public sealed class StripeStore(StripeSimulatorOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Customer> _customers = [];
    private readonly Dictionary<string, CheckoutSession> _sessions = [];
    private readonly Dictionary<string, Subscription> _subscriptions = [];
    private readonly Dictionary<string, Invoice> _invoices = [];
    private readonly Dictionary<string, PortalSession> _portalSessions = [];
    private readonly Dictionary<string, MeterEvent> _meterEvents = [];
    private readonly List<StripeEvent> _events = [];
    private readonly Dictionary<string, int> _refusedUpdates = [];
    private int _invoiceNumber;

    /// <summary>Where the look-alike answers, for the URLs its objects carry (set once it has started).</summary>
    public Uri BaseAddress { get; set; } = new(options.Urls.Split(';')[0]);

    private long Now => options.Clock.GetUtcNow().ToUnixTimeSeconds();

    public static string NewId(string prefix) => $"{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";

    public Customer CreateCustomer(string? email, string? name, Dictionary<string, string> metadata)
    {
        var customer = new Customer { Id = NewId("cus"), Email = email, Name = name, Metadata = metadata, Created = Now };
        return Keep(_customers, customer.Id, customer);
    }

    public Customer? FindCustomer(string id) => Find(_customers, id);

    private readonly Dictionary<string, Price> _prices = [];

    public Price NewPrice(string productName, string? product, long unitAmount, string currency, string interval, Dictionary<string, string>? metadata = null,
        string? meter = null)
    {
        if (meter is not null && FindMeter(meter) is null)
        {
            throw new StripeRequestException($"No such billing meter: '{meter}'", "recurring[meter]");
        }
        var price = new Price(NewId("price"), product ?? NewId("prod"), productName, unitAmount, currency.ToLowerInvariant(), interval, Now)
        {
            Metadata = metadata ?? [], Meter = meter,
        };
        return Keep(_prices, price.Id, price);
    }

    private readonly Dictionary<string, Meter> _meters = [];

    /// <summary>A meter; Stripe has one active meter per event name.</summary>
    public Meter CreateMeter(string displayName, string eventName, string formula)
    {
        lock (_lock)
        {
            if (_meters.Values.Any(m => m.EventName == eventName))
            {
                throw new StripeRequestException($"An active meter with event name '{eventName}' already exists.", "event_name", "meter_event_name_exists");
            }
            var meter = new Meter(NewId("mtr"), displayName, eventName, formula, Now);
            _meters[meter.Id] = meter;
            return meter;
        }
    }

    public Meter? FindMeter(string id) => Find(_meters, id);

    public IReadOnlyList<Meter> Meters()
    {
        lock (_lock)
        {
            return [.. _meters.Values.OrderByDescending(m => m.Created)];
        }
    }

    public Price? FindPrice(string id) => Find(_prices, id);

    public CheckoutSession CreateCheckoutSession(string customerId, List<(Price, long)> lineItems, string successUrl, string cancelUrl,
        string? clientReferenceId, Dictionary<string, string> metadata, Dictionary<string, string> subscriptionMetadata)
    {
        var session = new CheckoutSession
        {
            Id = NewId("cs_test"), CustomerId = customerId, LineItems = lineItems, SuccessUrl = successUrl, CancelUrl = cancelUrl,
            ClientReferenceId = clientReferenceId, Metadata = metadata, SubscriptionMetadata = subscriptionMetadata, Created = Now,
        };
        return Keep(_sessions, session.Id, session);
    }

    public CheckoutSession? FindSession(string id) => Find(_sessions, id);

    /// <summary>The buyer paid: the subscription starts, its first invoice is paid.</summary>
    public IReadOnlyList<StripeEvent> CompleteCheckout(CheckoutSession session)
    {
        lock (_lock)
        {
            if (session.Status != "open")
            {
                return [];
            }
            var now = Now;
            var subscription = new Subscription
            {
                Id = NewId("sub"), CustomerId = session.CustomerId, Metadata = session.SubscriptionMetadata, Created = now,
                CurrentPeriodStart = now, CurrentPeriodEnd = PeriodEnd(now, session.LineItems[0].Price.Interval),
                Items = [.. session.LineItems.Select(line => new SubscriptionItem { Id = NewId("si"), Price = line.Price, Quantity = line.Quantity, Created = now })],
            };
            _subscriptions[subscription.Id] = subscription;
            session.Status = "complete";
            session.SubscriptionId = subscription.Id;
            var invoice = NewInvoice(subscription, "subscription_create", subscription.CurrentPeriodStart, subscription.CurrentPeriodEnd, CycleLines(subscription));
            invoice.AttemptCount = 1;
            invoice.Status = "paid";
            invoice.PaidAt = now;
            return
            [
                Raise("checkout.session.completed", StripeJson.Of(session, BaseAddress)),
                Raise("customer.subscription.created", StripeJson.Of(subscription)),
                Raise("invoice.paid", StripeJson.Of(invoice, BaseAddress)),
            ];
        }
    }

    public IReadOnlyList<StripeEvent> ExpireCheckout(CheckoutSession session)
    {
        lock (_lock)
        {
            if (session.Status != "open")
            {
                return [];
            }
            session.Status = "expired";
            return [Raise("checkout.session.expired", StripeJson.Of(session, BaseAddress))];
        }
    }

    public Subscription? FindSubscription(string id) => Find(_subscriptions, id);

    public JsonObject Json(Subscription subscription)
    {
        lock (_lock)
        {
            return StripeJson.Of(subscription);
        }
    }

    /// <summary>Quantities changed, items added or removed. With proration, the change is charged (or credited) for the
    /// part of the period left: at once with <c>always_invoice</c>, on the next invoice with <c>create_prorations</c>.</summary>
    public IReadOnlyList<StripeEvent> UpdateSubscription(Subscription subscription, IReadOnlyList<ItemChange> changes,
        string prorationBehavior, Dictionary<string, string> metadata)
    {
        lock (_lock)
        {
            if (_refusedUpdates.GetValueOrDefault(subscription.Id) is > 0 and var left)
            {
                _refusedUpdates[subscription.Id] = left - 1;
                // What Stripe answers when another request holds the object (https://docs.stripe.com/error-codes#lock-timeout).
                throw new StripeRequestException("This object cannot be accessed right now because another API request or Stripe process is currently accessing it.",
                    code: "lock_timeout");
            }
            var now = Now;
            var lines = new List<InvoiceLine>();
            foreach (var change in changes)
            {
                var item = change.Id is null ? null : subscription.Items.FirstOrDefault(i => i.Id == change.Id)
                    ?? throw new StripeRequestException($"No such subscription item: '{change.Id}'", "items");
                if (item is null)
                {
                    item = new SubscriptionItem { Id = NewId("si"), Price = change.Price!, Quantity = 0, Created = now, Metadata = change.Metadata ?? [] };
                    subscription.Items.Add(item);
                }
                var from = item.Quantity;
                var to = change.Deleted ? 0 : change.Quantity ?? item.Quantity;
                if (from != to)
                {
                    lines.AddRange(Proration(subscription, item, from, to, now));
                }
                item.Quantity = to;
                if (change.Metadata is { } itemMetadata)
                {
                    item.Metadata = itemMetadata;
                }
                if (change.Deleted)
                {
                    subscription.Items.Remove(item);
                }
            }
            foreach (var (key, value) in metadata)
            {
                subscription.Metadata[key] = value;
            }
            var events = new List<StripeEvent> { Raise("customer.subscription.updated", StripeJson.Of(subscription)) };
            if (prorationBehavior == "none" || lines.Count == 0)
            {
                return events;
            }
            if (prorationBehavior != "always_invoice")
            {
                subscription.PendingLines.AddRange(lines);
                return events;
            }
            var invoice = NewInvoice(subscription, "subscription_update", now, subscription.CurrentPeriodEnd, lines);
            events.AddRange(Attempt(subscription, invoice));
            return events;
        }
    }

    /// <summary>The next <paramref name="count"/> updates of the subscription are refused, as Stripe refuses one it cannot apply now.</summary>
    public int RefuseUpdates(Subscription subscription, int count)
    {
        lock (_lock)
        {
            return _refusedUpdates[subscription.Id] = Math.Max(0, count);
        }
    }

    /// <summary>The next period's invoice is not paid: the subscription is past due until it is.</summary>
    public IReadOnlyList<StripeEvent> FailPayment(Subscription subscription)
    {
        lock (_lock)
        {
            var invoice = _invoices.Values.FirstOrDefault(i => i.SubscriptionId == subscription.Id && i.Status == "open") ?? RenewalInvoice(subscription);
            invoice.AttemptCount++;
            subscription.Status = "past_due";
            return [Raise("invoice.payment_failed", StripeJson.Of(invoice, BaseAddress)), Raise("customer.subscription.updated", StripeJson.Of(subscription))];
        }
    }

    /// <summary>Pays what is open (or the next period's invoice): the subscription is active, its period the paid one.</summary>
    public IReadOnlyList<StripeEvent> Pay(Subscription subscription)
    {
        lock (_lock)
        {
            var open = _invoices.Values.Where(i => i.SubscriptionId == subscription.Id && i.Status == "open").ToList();
            if (open.Count == 0)
            {
                open.Add(RenewalInvoice(subscription));
            }
            var events = new List<StripeEvent>();
            foreach (var invoice in open)
            {
                invoice.AttemptCount++;
                invoice.Status = "paid";
                invoice.PaidAt = Now;
                if (invoice.BillingReason == "subscription_cycle")
                {
                    subscription.CurrentPeriodStart = invoice.PeriodStart;
                    subscription.CurrentPeriodEnd = invoice.PeriodEnd;
                }
                events.Add(Raise("invoice.paid", StripeJson.Of(invoice, BaseAddress)));
            }
            subscription.Status = "active";
            events.Add(Raise("customer.subscription.updated", StripeJson.Of(subscription)));
            return events;
        }
    }

    public IReadOnlyList<StripeEvent> Cancel(Subscription subscription)
    {
        lock (_lock)
        {
            if (subscription.Status == "canceled")
            {
                return [];
            }
            subscription.Status = "canceled";
            subscription.CanceledAt = Now;
            foreach (var invoice in _invoices.Values.Where(i => i.SubscriptionId == subscription.Id && i.Status == "open"))
            {
                invoice.Status = "void";
            }
            return [Raise("customer.subscription.deleted", StripeJson.Of(subscription))];
        }
    }

    public JsonObject? InvoiceJson(string id)
    {
        lock (_lock)
        {
            return _invoices.GetValueOrDefault(id) is { } invoice ? StripeJson.Of(invoice, BaseAddress) : null;
        }
    }

    /// <summary>Newest first, as Stripe lists them.</summary>
    public IReadOnlyList<JsonObject> Invoices(string? subscriptionId, string? customerId, int limit)
    {
        lock (_lock)
        {
            return [.. _invoices.Values
                .Where(i => (subscriptionId is null || i.SubscriptionId == subscriptionId) && (customerId is null || i.CustomerId == customerId))
                .OrderByDescending(i => i.Created).ThenByDescending(i => i.Number, StringComparer.Ordinal)
                .Take(limit).Select(i => StripeJson.Of(i, BaseAddress))];
        }
    }

    public PortalSession CreatePortalSession(string customerId, string returnUrl)
    {
        var session = new PortalSession(NewId("bps"), customerId, returnUrl, Now);
        return Keep(_portalSessions, session.Id, session);
    }

    public PortalSession? FindPortalSession(string id) => Find(_portalSessions, id);

    public IReadOnlyList<Subscription> SubscriptionsOf(string customerId)
    {
        lock (_lock)
        {
            return [.. _subscriptions.Values.Where(s => s.CustomerId == customerId)];
        }
    }

    /// <summary>One usage report. Stripe holds an identifier unique for a day at least and refuses it again, and takes a
    /// timestamp up to 35 days back or 5 minutes ahead (https://docs.stripe.com/api/billing/meter-event/create).</summary>
    public MeterEvent RecordMeterEvent(string? identifier, string eventName, Dictionary<string, string> payload, long? timestamp)
    {
        var now = Now;
        if (timestamp is { } at && (at < now - (long)TimeSpan.FromDays(35).TotalSeconds || at > now + 300))
        {
            throw new StripeRequestException("The timestamp must be within the past 35 days and at most 5 minutes in the future.", "timestamp");
        }
        if (identifier is { Length: > 100 })
        {
            throw new StripeRequestException("The identifier is at most 100 characters.", "identifier");
        }
        lock (_lock)
        {
            var meterEvent = new MeterEvent(identifier ?? NewId("mev"), eventName, payload, timestamp ?? now, now);
            if (!_meterEvents.TryAdd(meterEvent.Identifier, meterEvent))
            {
                throw new StripeRequestException($"An event already exists with identifier {meterEvent.Identifier}.", "identifier", "duplicate_meter_event");
            }
            return meterEvent;
        }
    }

    public IReadOnlyList<MeterEvent> MeterEvents()
    {
        lock (_lock)
        {
            return [.. _meterEvents.Values.OrderBy(e => e.Created)];
        }
    }

    public IReadOnlyList<StripeEvent> Events()
    {
        lock (_lock)
        {
            return [.. Enumerable.Reverse(_events)];
        }
    }

    public StripeEvent? FindEvent(string id)
    {
        lock (_lock)
        {
            return _events.FirstOrDefault(e => e.Id == id);
        }
    }

    private StripeEvent Raise(string type, JsonObject data)
    {
        var stripeEvent = new StripeEvent { Id = NewId("evt"), Type = type, Created = Now, Object = data };
        _events.Add(stripeEvent);
        return stripeEvent;
    }

    private Invoice NewInvoice(Subscription subscription, string reason, long periodStart, long periodEnd, List<InvoiceLine> lines)
    {
        var invoice = new Invoice
        {
            Id = NewId("in"), CustomerId = subscription.CustomerId, SubscriptionId = subscription.Id, Currency = subscription.Currency,
            Lines = lines, BillingReason = reason, Number = $"SIM-{++_invoiceNumber:D4}", PeriodStart = periodStart, PeriodEnd = periodEnd, Created = Now,
        };
        _invoices[invoice.Id] = invoice;
        subscription.LatestInvoiceId = invoice.Id;
        return invoice;
    }

    /// <summary>A payment attempt on a new invoice: it succeeds unless the subscription is already past due.</summary>
    private IEnumerable<StripeEvent> Attempt(Subscription subscription, Invoice invoice)
    {
        invoice.AttemptCount = 1;
        if (subscription.Status == "past_due")
        {
            return [Raise("invoice.payment_failed", StripeJson.Of(invoice, BaseAddress))];
        }
        invoice.Status = "paid";
        invoice.PaidAt = Now;
        return [Raise("invoice.paid", StripeJson.Of(invoice, BaseAddress))];
    }

    /// <summary>The next period's invoice: the licensed items in advance, the prorations waiting, and the metered items' usage
    /// of the period ending, in arrears.</summary>
    private Invoice RenewalInvoice(Subscription subscription)
    {
        var invoice = NewInvoice(subscription, "subscription_cycle", subscription.CurrentPeriodEnd,
            PeriodEnd(subscription.CurrentPeriodEnd, subscription.Items[0].Price.Interval),
            [.. subscription.PendingLines, .. CycleLines(subscription), .. UsageLines(subscription)]);
        subscription.PendingLines.Clear();
        return invoice;
    }

    /// <summary>Each metered item: the sum of its meter's events for the customer in the current period, at the unit price.</summary>
    private IEnumerable<InvoiceLine> UsageLines(Subscription subscription)
    {
        foreach (var item in subscription.Items.Where(i => i.Price.Meter is not null))
        {
            var eventName = _meters[item.Price.Meter!].EventName;
            var usage = _meterEvents.Values
                .Where(e => e.EventName == eventName && e.Payload.GetValueOrDefault("stripe_customer_id") == subscription.CustomerId
                    && e.Timestamp >= subscription.CurrentPeriodStart && e.Timestamp < subscription.CurrentPeriodEnd)
                .Sum(e => long.Parse(e.Payload["value"], System.Globalization.CultureInfo.InvariantCulture));
            if (usage > 0)
            {
                yield return new InvoiceLine(NewId("il"), item.Price.UnitAmount * usage, $"{usage} × {item.Price.ProductName}", usage, false,
                    subscription.CurrentPeriodStart, subscription.CurrentPeriodEnd, item.Id);
            }
        }
    }

    private List<InvoiceLine> CycleLines(Subscription subscription) =>
        [.. subscription.Items.Where(item => item.Quantity > 0).Select(item => new InvoiceLine(NewId("il"), item.Price.UnitAmount * item.Quantity,
            $"{item.Quantity} × {item.Price.ProductName}", item.Quantity, false, subscription.CurrentPeriodStart, subscription.CurrentPeriodEnd, item.Id))];

    /// <summary>Stripe's proration: a credit for the unused time at the old quantity and a charge for the remaining time at
    /// the new one, each the unit price × quantity × the share of the period left (https://docs.stripe.com/billing/subscriptions/prorations).</summary>
    private static IEnumerable<InvoiceLine> Proration(Subscription subscription, SubscriptionItem item, long from, long to, long now)
    {
        var period = (double)(subscription.CurrentPeriodEnd - subscription.CurrentPeriodStart);
        var left = Math.Clamp((subscription.CurrentPeriodEnd - now) / period, 0, 1);
        if (from > 0)
        {
            yield return new InvoiceLine(NewId("il"), -(long)Math.Round(item.Price.UnitAmount * from * left), $"Unused time on {from} × {item.Price.ProductName}",
                from, true, now, subscription.CurrentPeriodEnd, item.Id);
        }
        if (to > 0)
        {
            yield return new InvoiceLine(NewId("il"), (long)Math.Round(item.Price.UnitAmount * to * left), $"Remaining time on {to} × {item.Price.ProductName}",
                to, true, now, subscription.CurrentPeriodEnd, item.Id);
        }
    }

    private static long PeriodEnd(long start, string interval)
    {
        var from = DateTimeOffset.FromUnixTimeSeconds(start);
        return (interval switch { "month" => from.AddMonths(1), "week" => from.AddDays(7), "day" => from.AddDays(1), _ => from.AddYears(1) }).ToUnixTimeSeconds();
    }

    /// <summary>Stores <paramref name="item"/> under the lock and answers it.</summary>
    private T Keep<T>(Dictionary<string, T> table, string id, T item)
    {
        lock (_lock)
        {
            table[id] = item;
        }
        return item;
    }

    private T? Find<T>(Dictionary<string, T> table, string id) where T : class
    {
        lock (_lock)
        {
            return table.GetValueOrDefault(id);
        }
    }
}

/// <summary>One entry of a subscription update's <c>items[]</c>: an existing item by id, or a new one with its price.</summary>
public sealed record ItemChange(string? Id, long? Quantity, bool Deleted, Price? Price, Dictionary<string, string>? Metadata);

/// <summary>A request Stripe would refuse with 400 <c>invalid_request_error</c>.</summary>
public sealed class StripeRequestException(string message, string? param = null, string? code = null) : Exception(message)
{
    public string? Param { get; } = param;
    public string? Code { get; } = code;

}
