using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Grains.Billing;
using Consortium.Portal.Billing;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Billing;

/// <summary>Usage per member organisation and month, counted from real consents and writes to ORCID records (production only),
/// and its overage reported to Stripe as meter events once the month has closed, exactly once.</summary>
public sealed class BillingUsageTests(BillingPortal portal) : IClassFixture<BillingPortal>
{
    [Fact]
    public async Task ResearchersConnectedAndIssuancesWrittenInProductionAreCountedPerMemberAndMonth()
    {
        var (consortium, members) = await portal.CreateConsortiumAsync(2);
        var (busy, quiet) = (members[0], members[1]);
        await portal.SubscribeAsync(consortium);
        await portal.PrepareProductionAsync(busy);
        (await portal.Api.PostAsync($"/api/v1/tenants/{busy}/launch-review/approve", null)).EnsureSuccessStatusCode();

        var first = await portal.ConnectResearcherAsync(busy, "production");
        var second = await portal.ConnectResearcherAsync(busy, "production");
        await portal.IssueWrittenAsync(busy, "production", first);
        await portal.IssueWrittenAsync(busy, "production", first);
        await portal.IssueWrittenAsync(busy, "production", second);
        // Sandbox is never billed.
        var tryingOut = await portal.ConnectResearcherAsync(busy, "sandbox");
        await portal.IssueWrittenAsync(busy, "sandbox", tryingOut);

        var usage = (await portal.BillingAsync(consortium)).GetProperty("usage").EnumerateArray().ToList();
        var month = Assert.Single(usage);
        Assert.Equal(busy, month.GetProperty("tenant").GetString());
        Assert.Equal(UsageMonth.Of(portal.Clock.GetUtcNow()), month.GetProperty("month").GetString());
        Assert.Equal(2, month.GetProperty("researchersConnected").GetInt32());
        Assert.Equal(3, month.GetProperty("issuancesWritten").GetInt32());
        Assert.DoesNotContain(usage, u => u.GetProperty("tenant").GetString() == quiet);
    }

    [Fact]
    public async Task AClosedMonthsOverageIsReportedAsOneMeterEventPerMetricEvenWhenReportedTwiceOrByAnotherPortal()
    {
        var (consortium, members) = await portal.CreateConsortiumAsync(1);
        var tenant = members[0];
        var subscriptionId = await portal.SubscribeAsync(consortium, BillingPortal.MeteredPlan);
        var subscription = await portal.Stripe.GetFromJsonAsync<JsonElement>($"/_sim/subscriptions/{subscriptionId}");
        var overage = subscription.GetProperty("items").GetProperty("data").EnumerateArray()
            .Single(i => i.GetProperty("price").GetProperty("metadata").GetProperty("tier").GetString() == BillingService.OverageItem).GetProperty("price");
        Assert.Equal("metered", overage.GetProperty("recurring").GetProperty("usage_type").GetString());
        Assert.Equal(250, overage.GetProperty("unit_amount").GetInt64());
        await portal.PrepareProductionAsync(tenant);
        (await portal.Api.PostAsync($"/api/v1/tenants/{tenant}/launch-review/approve", null)).EnsureSuccessStatusCode();
        // One researcher and one issuance a month are included: two researchers and three issuances are 1 and 2 over.
        var first = await portal.ConnectResearcherAsync(tenant, "production");
        var second = await portal.ConnectResearcherAsync(tenant, "production");
        await portal.IssueWrittenAsync(tenant, "production", first);
        await portal.IssueWrittenAsync(tenant, "production", first);
        await portal.IssueWrittenAsync(tenant, "production", second);
        var month = UsageMonth.Of(portal.Clock.GetUtcNow());
        var researchers = MeterReporter.Identifier(consortium, tenant, month, UsageMetrics.Researchers);
        var issuances = MeterReporter.Identifier(consortium, tenant, month, UsageMetrics.Issuances);
        Assert.Empty(await MeterEventsAsync(consortium));

        // Another portal of the cluster reported the researchers already, and stopped before it could remember so.
        var stripeCustomer = subscription.GetProperty("customer").GetString()!;
        using var stripeApi = new HttpClient { BaseAddress = portal.Factory.Stripe };
        stripeApi.DefaultRequestHeaders.Authorization = new("Bearer", EmbeddedStripe.DevelopmentSecretKey);
        (await stripeApi.PostAsync("/v1/billing/meter_events", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["event_name"] = BillingPortal.MeterEventName, ["identifier"] = researchers,
            ["payload[stripe_customer_id]"] = stripeCustomer, ["payload[value]"] = "1",
        }))).EnsureSuccessStatusCode();

        portal.Clock.AdvanceTo(UsageMonth.EndOf(month).AddMinutes(1));
        // The billing worker's round, on its timer, reports the month now closed.
        await IssuingTenant.WaitUntilAsync(async () => (await MeterEventsAsync(consortium)).Any(e => e.GetProperty("identifier").GetString() == issuances));
        // And again, twice at once as two portals might, and in another whole round.
        var reporter = portal.Factory.Services.GetRequiredService<MeterReporter>();
        var again = await Task.WhenAll(reporter.ReportClosedMonthsAsync(consortium), reporter.ReportClosedMonthsAsync(consortium));
        Assert.Equal(new[] { 0, 0 }, again);
        await portal.Factory.Services.GetRequiredService<BillingWorker>().RunOnceAsync();

        var reported = (await MeterEventsAsync(consortium)).ToDictionary(e => e.GetProperty("identifier").GetString()!);
        Assert.Equal([issuances, researchers], reported.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2", reported[issuances].GetProperty("payload").GetProperty("value").GetString());
        Assert.Equal(stripeCustomer, reported[issuances].GetProperty("payload").GetProperty("stripe_customer_id").GetString());
        Assert.Equal(BillingPortal.MeterEventName, reported[issuances].GetProperty("eventName").GetString());
        Assert.Equal(UsageMonth.EndOf(month).AddSeconds(-1).ToUnixTimeSeconds(), reported[issuances].GetProperty("timestamp").GetInt64());
        var duplicate = await stripeApi.PostAsync("/v1/billing/meter_events", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["event_name"] = BillingPortal.MeterEventName, ["identifier"] = issuances,
            ["payload[stripe_customer_id]"] = stripeCustomer, ["payload[value]"] = "2",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(MeterReporter.DuplicateCode, (await duplicate.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());

        // Stripe bills the metered item by the meter's events: the renewal charges the standard member and 1 + 2 overage at 2.50.
        await portal.ControlAsync($"/_sim/subscriptions/{subscriptionId}/pay");
        var renewal = (await portal.BillingAsync(consortium)).GetProperty("invoices")[0];
        Assert.Equal(900m + 3 * 2.50m, renewal.GetProperty("amount").GetDecimal());
    }

    private async Task<JsonElement[]> MeterEventsAsync(string consortium) =>
        [.. (await portal.Stripe.GetFromJsonAsync<JsonElement>("/_sim/meter-events")).EnumerateArray()
            .Where(e => e.GetProperty("identifier").GetString()!.StartsWith(consortium + "/", StringComparison.Ordinal))];
}
