using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Portal.Billing;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Consortium.StripeSimulator.Webhooks;

namespace Consortium.Portal.Tests.Billing;

/// <summary>A consortium's subscription through the Stripe look-alike over real HTTP, with the real silo: Stripe.net calls it,
/// its signed webhooks drive the billing grain, and the billing standing opens or closes production.</summary>
public sealed class BillingTests(BillingPortal portal) : IClassFixture<BillingPortal>
{
    [Fact]
    public async Task SubscribingMakesOneActiveSubscriptionWithAnItemPerTierAndAPaidInvoice()
    {
        var (consortium, members) = await portal.CreateConsortiumAsync(3);
        (await portal.Api.PutAsJsonAsync($"/api/v1/consortia/{consortium}/tenants/{members[0]}/tier", new { tier = "large" })).EnsureSuccessStatusCode();

        var subscriptionId = await portal.SubscribeAsync(consortium);

        var billing = await portal.BillingAsync(consortium);
        Assert.Equal("active", billing.GetProperty("status").GetString());
        Assert.Equal(BillingPortal.Plan, billing.GetProperty("plan").GetString());
        Assert.Equal(1000m + 3000m + 2 * 1200m, billing.GetProperty("yearlyTotal").GetDecimal());
        var invoice = Assert.Single(billing.GetProperty("invoices").EnumerateArray());
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
        Assert.Equal(6400m, invoice.GetProperty("amount").GetDecimal());
        var subscription = await portal.Stripe.GetFromJsonAsync<JsonElement>($"/_sim/subscriptions/{subscriptionId}");
        var quantities = subscription.GetProperty("items").GetProperty("data").EnumerateArray()
            .ToDictionary(i => i.GetProperty("price").GetProperty("metadata").GetProperty("tier").GetString()!, i => i.GetProperty("quantity").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["fee"] = 1, ["large"] = 1, ["standard"] = 2 }, quantities);
        Assert.Equal(
            ["billing.invoice.paid", "billing.customer.subscription.created", "billing.checkout.session.completed", "billing.checkout-started", "billing.tier-set"],
            await portal.AuditActionsAsync(consortium));
    }

    [Fact]
    public async Task AMemberAddedMidYearIsBilledProRata()
    {
        var (consortium, _) = await portal.CreateConsortiumAsync(1);
        var subscriptionId = await portal.SubscribeAsync(consortium);

        await portal.AddMemberAsync(consortium);

        var subscription = await portal.Stripe.GetFromJsonAsync<JsonElement>($"/_sim/subscriptions/{subscriptionId}");
        var standard = subscription.GetProperty("items").GetProperty("data").EnumerateArray()
            .Single(i => i.GetProperty("price").GetProperty("metadata").GetProperty("tier").GetString() == "standard");
        Assert.Equal(2, standard.GetProperty("quantity").GetInt64());
        var invoices = (await portal.BillingAsync(consortium)).GetProperty("invoices").EnumerateArray().ToList();
        Assert.Equal(2, invoices.Count);
        // Charged now for the rest of the year: a second of it has gone, so a little under a full year's 1,200.
        var proration = invoices[0].GetProperty("amount").GetDecimal();
        Assert.InRange(proration, 1199m, 1200m);
        Assert.Equal("paid", invoices[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task APastDuePaymentKeepsProductionOpenForTheGraceDaysThenRefusesItWhileSandboxWorks()
    {
        var (consortium, members) = await portal.CreateConsortiumAsync(1);
        var tenant = members[0];
        await portal.PrepareProductionAsync(tenant);
        var approve = await portal.Api.PostAsync($"/api/v1/tenants/{tenant}/launch-review/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("Production needs an active subscription", (await approve.ReadJsonAsync()).GetProperty("detail").GetString());

        var subscriptionId = await portal.SubscribeAsync(consortium);
        (await portal.Api.PostAsync($"/api/v1/tenants/{tenant}/launch-review/approve", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await portal.IssueAsync(tenant, "production")).StatusCode);

        await portal.ControlAsync($"/_sim/subscriptions/{subscriptionId}/fail-payment");
        var pastDue = await portal.BillingAsync(consortium);
        Assert.Equal("past_due", pastDue.GetProperty("status").GetString());
        Assert.True(pastDue.GetProperty("inGrace").GetBoolean());
        var graceEndsAt = pastDue.GetProperty("graceEndsAt").GetDateTimeOffset();
        Assert.Equal(HttpStatusCode.Accepted, (await portal.IssueAsync(tenant, "production")).StatusCode);

        Assert.InRange(graceEndsAt - portal.Clock.GetUtcNow(), TimeSpan.FromDays(BillingPortal.GraceDays) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(BillingPortal.GraceDays));
        portal.Clock.Advance(TimeSpan.FromDays(BillingPortal.GraceDays - 1));
        Assert.Equal(HttpStatusCode.Accepted, (await portal.IssueAsync(tenant, "production")).StatusCode);
        Assert.True((await portal.BillingAsync(consortium)).GetProperty("inGrace").GetBoolean());

        portal.Clock.AdvanceTo(graceEndsAt.AddSeconds(1));
        var refused = await portal.IssueAsync(tenant, "production");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("past due and its grace period ended", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await portal.IssueAsync(tenant, "sandbox")).StatusCode);
        Assert.False((await portal.BillingAsync(consortium)).GetProperty("inGrace").GetBoolean());

        await portal.ControlAsync($"/_sim/subscriptions/{subscriptionId}/pay");
        var paid = await portal.BillingAsync(consortium);
        Assert.Equal("active", paid.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, paid.GetProperty("graceEndsAt").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, (await portal.IssueAsync(tenant, "production")).StatusCode);

        await portal.ControlAsync($"/_sim/subscriptions/{subscriptionId}/cancel");
        Assert.Equal("canceled", (await portal.BillingAsync(consortium)).GetProperty("status").GetString());
        var canceled = await portal.IssueAsync(tenant, "production");
        Assert.Equal(HttpStatusCode.Conflict, canceled.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await portal.IssueAsync(tenant, "sandbox")).StatusCode);
    }

    [Fact]
    public async Task AnEventSentAgainIsAppliedOnce()
    {
        var (consortium, _) = await portal.CreateConsortiumAsync(1);
        await portal.SubscribeAsync(consortium);
        var before = await portal.AuditActionsAsync(consortium);
        var paid = (await portal.EventsAsync()).First(e => e.GetProperty("type").GetString() == "invoice.paid");

        var resent = await portal.Stripe.PostAsync($"/_sim/events/{paid.GetProperty("id").GetString()}/resend", null);

        Assert.Equal(200, (await resent.ReadJsonAsync()).GetProperty("lastResponseStatus").GetInt32());
        Assert.Equal(before, await portal.AuditActionsAsync(consortium));
        Assert.Single((await portal.BillingAsync(consortium)).GetProperty("invoices").EnumerateArray());
    }

    [Fact]
    public async Task AWrongSignatureIsRefusedAndChangesNothing()
    {
        var (consortium, _) = await portal.CreateConsortiumAsync(1);
        var subscriptionId = await portal.SubscribeAsync(consortium);
        var before = await portal.AuditActionsAsync(consortium);

        var forged = await PostEventAsync(subscriptionId, "canceled", secret: "whsec_not_the_secret", portal.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("active", (await portal.BillingAsync(consortium)).GetProperty("status").GetString());
        Assert.Equal(before, await portal.AuditActionsAsync(consortium));
    }

    [Fact]
    public async Task ALateEventNeverMovesTheStateBackwards()
    {
        var (consortium, _) = await portal.CreateConsortiumAsync(1);
        var subscriptionId = await portal.SubscribeAsync(consortium);
        await portal.ControlAsync($"/_sim/subscriptions/{subscriptionId}/fail-payment");
        await portal.ControlAsync($"/_sim/subscriptions/{subscriptionId}/pay");

        // An update from while it was past due, delivered only now (Stripe does not promise order).
        var late = await PostEventAsync(subscriptionId, "past_due", BillingPortal.WebhookSecret, portal.Clock.GetUtcNow().AddMinutes(-1));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var billing = await portal.BillingAsync(consortium);
        Assert.Equal("active", billing.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, billing.GetProperty("graceEndsAt").ValueKind);
    }

    [Fact]
    public async Task APaidCheckoutWhoseWebhooksWereLostIsReadBackFromStripe()
    {
        var (consortium, _) = await portal.CreateConsortiumAsync(2);
        var checkout = await (await portal.Api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/billing/checkout", new { plan = BillingPortal.Plan })).ReadJsonAsync();
        (await portal.Stripe.PostAsJsonAsync("/_sim/webhook", new { url = (string?)null })).EnsureSuccessStatusCode();
        try
        {
            (await portal.Stripe.PostAsync($"/_sim/checkout/{checkout.GetProperty("sessionId").GetString()}/complete", null)).EnsureSuccessStatusCode();
        }
        finally
        {
            (await portal.Stripe.PostAsJsonAsync("/_sim/webhook", new { url = new Uri(portal.BaseAddress, "/webhooks/stripe") })).EnsureSuccessStatusCode();
        }
        Assert.DoesNotContain("billing.checkout.session.completed", await portal.AuditActionsAsync(consortium));

        var billing = await portal.BillingAsync(consortium);

        Assert.Equal("active", billing.GetProperty("status").GetString());
        Assert.StartsWith("sub_", billing.GetProperty("subscriptionId").GetString());
        var invoice = Assert.Single(billing.GetProperty("invoices").EnumerateArray());
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
        Assert.Equal(1000m + 2 * 1200m, invoice.GetProperty("amount").GetDecimal());
        Assert.Equal(["billing.checkout.recovered", "billing.checkout-started"], await portal.AuditActionsAsync(consortium));
        // Read once: the next read asks Stripe nothing and changes nothing.
        Assert.Equal("active", (await portal.BillingAsync(consortium)).GetProperty("status").GetString());
        Assert.Equal(["billing.checkout.recovered", "billing.checkout-started"], await portal.AuditActionsAsync(consortium));
    }

    [Fact]
    public async Task AQuantityChangeStripeRefusesIsPendingAndTriedAgainWithBackoffUntilStripeTakesIt()
    {
        var (consortium, _) = await portal.CreateConsortiumAsync(1);
        var subscriptionId = await portal.SubscribeAsync(consortium);
        (await portal.Stripe.PostAsync($"/_sim/subscriptions/{subscriptionId}/refuse-updates?count=2", null)).EnsureSuccessStatusCode();

        // The member joins all the same; the subscription does not follow yet.
        await portal.AddMemberAsync(consortium);

        var pending = (await portal.BillingAsync(consortium)).GetProperty("pendingUpdate");
        Assert.Equal(1, pending.GetProperty("attempts").GetInt32());
        Assert.Contains("cannot be accessed right now", pending.GetProperty("error").GetString());
        var firstRetry = pending.GetProperty("nextAttemptAt").GetDateTimeOffset();
        Assert.InRange(firstRetry - portal.Clock.GetUtcNow(), TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.Equal(1, await StandardQuantityAsync(subscriptionId));
        // Not before its time: a round of the billing worker leaves it.
        await portal.Factory.Services.GetRequiredService<BillingWorker>().RunOnceAsync();
        Assert.Equal(1, (await portal.BillingAsync(consortium)).GetProperty("pendingUpdate").GetProperty("attempts").GetInt32());

        portal.Clock.AdvanceTo(firstRetry);
        await WaitForAsync(consortium, billing => billing.GetProperty("pendingUpdate") is { ValueKind: JsonValueKind.Object } p && p.GetProperty("attempts").GetInt32() == 2);
        var secondRetry = (await portal.BillingAsync(consortium)).GetProperty("pendingUpdate").GetProperty("nextAttemptAt").GetDateTimeOffset();
        // Twice as long after the second refusal.
        Assert.InRange(secondRetry - portal.Clock.GetUtcNow(), TimeSpan.FromSeconds(110), TimeSpan.FromMinutes(2));
        Assert.Equal(1, await StandardQuantityAsync(subscriptionId));

        portal.Clock.AdvanceTo(secondRetry);
        await WaitForAsync(consortium, billing => billing.GetProperty("pendingUpdate").ValueKind == JsonValueKind.Null);

        Assert.Equal(2, await StandardQuantityAsync(subscriptionId));
        Assert.Equal(2, (await portal.BillingAsync(consortium)).GetProperty("invoices").GetArrayLength());
        var audit = await portal.AuditActionsAsync(consortium);
        Assert.Equal(["billing.update-applied", "billing.invoice.paid", "billing.customer.subscription.updated", "billing.update-pending"], audit[..4]);
    }

    private async Task<long> StandardQuantityAsync(string subscriptionId) =>
        (await portal.Stripe.GetFromJsonAsync<JsonElement>($"/_sim/subscriptions/{subscriptionId}")).GetProperty("items").GetProperty("data").EnumerateArray()
            .Single(i => i.GetProperty("price").GetProperty("metadata").GetProperty("tier").GetString() == "standard").GetProperty("quantity").GetInt64();

    private Task WaitForAsync(string consortium, Func<JsonElement, bool> condition) =>
        IssuingTenant.WaitUntilAsync(async () => condition(await portal.BillingAsync(consortium)));

    [Fact]
    public async Task CheckoutForAPlanThatDoesNotExistNamesThePlans()
    {
        var (consortium, _) = await portal.CreateConsortiumAsync(1);

        var answer = await portal.Api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/billing/checkout", new { plan = "gold" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Equal($"There is no plan 'gold': the plans are {BillingPortal.Plan}, {BillingPortal.MeteredPlan}.",
            (await answer.ReadJsonAsync()).GetProperty("errors").GetProperty("plan")[0].GetString());
    }

    [Fact]
    public async Task AConsortiumTheOperatorInvoicesOutsideStripeMayGoLiveWithoutASubscription()
    {
        var (consortium, members) = await portal.CreateConsortiumAsync(1);
        await portal.PrepareProductionAsync(members[0]);

        var marked = await portal.Api.PutAsJsonAsync($"/api/v1/consortia/{consortium}/billing/invoiced-outside-stripe", new { invoiced = true });

        Assert.True((await marked.ReadJsonAsync()).GetProperty("invoicedOutsideStripe").GetBoolean());
        (await portal.Api.PostAsync($"/api/v1/tenants/{members[0]}/launch-review/approve", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await portal.IssueAsync(members[0], "production")).StatusCode);
        Assert.Contains("billing.invoiced-outside-stripe", await portal.AuditActionsAsync(consortium));
    }

    /// <summary>A <c>customer.subscription.updated</c> event, signed with <paramref name="secret"/>, as if Stripe sent it.</summary>
    private async Task<HttpResponseMessage> PostEventAsync(string subscriptionId, string status, string secret, DateTimeOffset created)
    {
        var subscription = JsonNode.Parse(await portal.Stripe.GetStringAsync($"/_sim/subscriptions/{subscriptionId}"))!.AsObject();
        subscription["status"] = status;
        var payload = new JsonObject
        {
            ["id"] = "evt_test_" + Guid.NewGuid().ToString("N"),
            ["object"] = "event",
            ["api_version"] = new Consortium.StripeSimulator.StripeSimulatorOptions().ApiVersion,
            ["created"] = created.ToUnixTimeSeconds(),
            ["type"] = "customer.subscription.updated",
            ["data"] = new JsonObject { ["object"] = subscription },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", WebhookSender.Sign(payload, secret, portal.Clock.GetUtcNow().ToUnixTimeSeconds()));
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        return await client.SendAsync(request);
    }
}
