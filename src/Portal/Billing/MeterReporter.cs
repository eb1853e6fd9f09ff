using Consortium.Grains.Billing;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Billing;

namespace Consortium.Portal.Billing;

/// <summary>
/// Reports each member's overage for a month that has closed as a Stripe billing meter event, once: what was reported is
/// kept by the member's usage grain, and each event carries a deterministic identifier
/// (<c>{consortium}/{tenant}/{month}/{metric}</c>) that Stripe refuses a second time, so a retry after a lost answer or a
/// second portal reporting at the same moment never counts twice.
/// </summary>
public sealed class MeterReporter(IGrainFactory grains, IOptions<BillingOptions> options, StripeGateway stripe, TimeProvider clock, ILogger<MeterReporter> logger)
{
    /// <summary>Stripe's error code for an identifier it has seen (the look-alike's too).</summary>
    public const string DuplicateCode = "duplicate_meter_event";

    /// <summary>Stripe takes a meter event's timestamp up to 35 days back.</summary>
    private static readonly TimeSpan OldestTimestamp = TimeSpan.FromDays(34);

    public static string Identifier(string consortium, string tenant, string month, string metric) => $"{consortium}/{tenant}/{month}/{metric}";

    /// <summary>Reports what is due for <paramref name="consortium"/>; answers how many meter events Stripe accepted.</summary>
    public async Task<int> ReportClosedMonthsAsync(string consortium, CancellationToken cancellationToken = default)
    {
        var billing = await grains.GetConsortiumBilling(consortium).GetAsync();
        if (billing.CustomerId is not { } customer || billing.Status is not (BillingStatus.Active or BillingStatus.Trialing or BillingStatus.PastDue)
            || billing.Plan is null || options.Value.Plans.GetValueOrDefault(billing.Plan) is not { Metered: true } plan)
        {
            return 0;
        }
        var included = new Dictionary<string, int?> { [UsageMetrics.Researchers] = plan.IncludedResearchers, [UsageMetrics.Issuances] = plan.IncludedIssuances }
            .Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!.Value);
        var now = clock.GetUtcNow();
        var reported = 0;
        foreach (var member in await grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(consortium)).ListTenantsAsync())
        {
            var usage = grains.GetMemberUsage(member.Slug);
            foreach (var month in (await usage.GetAsync()).Months.Where(m => m.End <= now))
            {
                foreach (var (metric, free) in included.Where(m => !month.Reported.Contains(m.Key)))
                {
                    var overage = month.Count(metric) - free;
                    if (overage > 0 && await SendAsync(Identifier(consortium, member.Slug, month.Month, metric), plan.MeterEventName, customer, overage,
                            Timestamp(month, now), cancellationToken))
                    {
                        reported++;
                    }
                    await usage.MarkReportedAsync(month.Month, metric);
                }
            }
        }
        return reported;
    }

    /// <returns>False when Stripe had the identifier already: reported before, by this portal or another.</returns>
    private async Task<bool> SendAsync(string identifier, string eventName, string customer, int value, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        try
        {
            await new MeterEventService(stripe.Client).CreateAsync(new MeterEventCreateOptions
            {
                EventName = eventName,
                Identifier = identifier,
                Timestamp = timestamp.UtcDateTime,
                Payload = new() { ["stripe_customer_id"] = customer, ["value"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, cancellationToken: cancellationToken);
            logger.LogInformation("Reported meter event {Identifier}: {Value}", identifier, value);
            return true;
        }
        catch (StripeException exception) when (exception.StripeError?.Code == DuplicateCode)
        {
            logger.LogInformation("Meter event {Identifier} was reported before", identifier);
            return false;
        }
    }

    /// <summary>The month's last second, so the usage falls in the month it happened; no earlier than Stripe accepts.</summary>
    private static DateTimeOffset Timestamp(UsageMonth month, DateTimeOffset now)
    {
        var last = month.End.AddSeconds(-1);
        return last < now - OldestTimestamp ? now - OldestTimestamp : last;
    }
}
