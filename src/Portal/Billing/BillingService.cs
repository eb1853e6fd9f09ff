using Consortium.Grains.Billing;
using Consortium.Grains.Common;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;
using Microsoft.Extensions.Options;
using Stripe;

namespace Consortium.Portal.Billing;

/// <summary>
/// A consortium's subscription: checkout, the customer portal, tiers and the quantities they bill. Stripe is asked here;
/// what it answers is kept by <see cref="IConsortiumBillingGrain"/>. One subscription per consortium, one item per tier with
/// the number of (not suspended) member organisations of that tier as its quantity, and one for the consortium's own fee.
/// </summary>
public sealed class BillingService(IGrainFactory grains, IOptions<BillingOptions> options, StripeGateway stripe, PortalAddress portal, AuditLog audit,
    TimeProvider clock, CheckoutReadBack checkouts, ILogger<BillingService> logger)
{
    public const string FeeItem = "fee";

    /// <summary>The metered item of a plan with overage.</summary>
    public const string OverageItem = "overage";

    private BillingOptions Options => options.Value;

    public async Task<BillingView> GetAsync(string consortium)
    {
        await checkouts.ReadBackAsync(consortium);
        var members = await MembersAsync(consortium);
        var billing = await grains.GetConsortiumBilling(consortium).GetAsync();
        var standing = await grains.GetConsortiumBilling(consortium).GetStandingAsync();
        var plan = billing.Plan is { } id ? Options.Plans.GetValueOrDefault(id) : Options.Plans.Values.FirstOrDefault();
        var memberViews = members.Select(m =>
        {
            var tier = billing.Tiers.GetValueOrDefault(m.Slug, BillingTiers.Default);
            return new BillingMemberView(m.Slug, m.Name, tier, plan?.Tiers.GetValueOrDefault(tier));
        }).ToList();
        decimal? total = plan is null ? null : plan.ConsortiumFee + memberViews.Where(m => !members.First(t => t.Slug == m.Tenant).IsSuspended).Sum(m => m.YearlyPrice ?? 0);
        return new BillingView(Options.Configured, billing.Status.Name(), billing.Plan, plan?.Currency, billing.SubscriptionId, billing.CurrentPeriodEnd,
            billing.GraceEndsAt, standing.InGrace(clock.GetUtcNow()), billing.InvoicedOutsideStripe, total, memberViews,
            [.. billing.Invoices.Select(BillingInvoiceView.Of)], [.. Options.Plans.Keys], await UsageAsync(members), billing.PendingUpdate);
    }

    /// <summary>Each member's production usage, newest month first.</summary>
    private async Task<IReadOnlyList<BillingUsageView>> UsageAsync(IReadOnlyList<TenantProfile> members)
    {
        var usage = await Task.WhenAll(members.Select(async m => (m.Slug, (await grains.GetMemberUsage(m.Slug).GetAsync()).Months)));
        return [.. usage.SelectMany(u => u.Months.Select(month => BillingUsageView.Of(u.Slug, month)))
            .OrderByDescending(u => u.Month, StringComparer.Ordinal).ThenBy(u => u.Tenant, StringComparer.Ordinal)];
    }

    /// <summary>What the lead and the member admins see at the top of their pages, or null: a past-due subscription in its grace days, or after them.</summary>
    public async Task<string?> BannerAsync(string consortium)
    {
        var standing = await grains.GetConsortiumBilling(consortium).GetStandingAsync();
        var now = clock.GetUtcNow();
        return standing.InGrace(now)
            ? $"The consortium's subscription is past due. Production issuing stays open until {standing.GraceEndsAt:yyyy-MM-dd}; the consortium's lead pays under Consortium → Billing."
            : standing.Status == BillingStatus.PastDue ? standing.ClosesProduction(now) : null;
    }

    /// <exception cref="InvalidFieldException">Not a tier.</exception>
    /// <exception cref="NotFoundException">Not a member of the consortium.</exception>
    public async Task<BillingView> SetTierAsync(string consortium, string tenant, string? tier, AuditActor actor)
    {
        if (tier is null || !BillingTiers.All.Contains(tier))
        {
            throw new InvalidFieldException("tier", $"The tier is one of {string.Join(", ", BillingTiers.All)}.");
        }
        if ((await MembersAsync(consortium)).All(m => m.Slug != tenant))
        {
            throw new NotFoundException($"There is no member organisation '{tenant}' in consortium '{consortium}'.");
        }
        await grains.GetConsortiumBilling(consortium).SetTierAsync(tenant, tier);
        await audit.RecordAsync(actor, "billing.tier-set", $"{tenant}: {tier}", consortium, tenant);
        await SyncQuantitiesAsync(consortium);
        return await GetAsync(consortium);
    }

    /// <summary>A Stripe checkout for <paramref name="planId"/>: the lead pays there, and the webhook that follows starts the subscription.</summary>
    public async Task<(Uri Url, string SessionId)> CheckoutAsync(string consortium, string? planId, AuditActor actor)
    {
        var plan = RequirePlan(planId);
        var profile = await grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(consortium)).GetProfileAsync()
            ?? throw new NotFoundException($"There is no consortium '{consortium}'.");
        var billing = grains.GetConsortiumBilling(consortium);
        var current = await billing.GetAsync();
        if (current.Status is BillingStatus.Active or BillingStatus.Trialing or BillingStatus.PastDue)
        {
            throw new BillingRefusedException("The consortium has a subscription already: change its payment details under \"Manage payment details\".");
        }
        var customerId = current.CustomerId ?? (await StripeCall(() => new CustomerService(stripe.Client).CreateAsync(new CustomerCreateOptions
        {
            Name = profile.Name,
            Metadata = new() { ["consortium"] = consortium },
        }))).Id;
        await billing.SetCustomerAsync(customerId, planId!);
        var counts = Counts(await MembersAsync(consortium), current.Tiers);
        var lines = new List<Stripe.Checkout.SessionLineItemOptions>();
        if (plan.ConsortiumFee > 0)
        {
            lines.Add(new() { Price = await PriceAsync(plan, FeeItem, $"{plan.Name}: consortium fee", plan.ConsortiumFee), Quantity = 1 });
        }
        foreach (var (tier, count) in counts.Where(c => c.Value > 0))
        {
            lines.Add(new() { Price = await PriceAsync(plan, tier, $"{plan.Name}: member organisation ({tier})", plan.Tiers[tier]), Quantity = count });
        }
        if (lines.Count == 0)
        {
            throw new BillingRefusedException("There is nothing to bill yet: add a member organisation first.");
        }
        if (plan.Metered)
        {
            // Billed by the meter events the billing worker reports, never by quantity.
            lines.Add(new() { Price = await OveragePriceAsync(plan) });
        }
        var metadata = new Dictionary<string, string> { ["consortium"] = consortium, ["plan"] = planId! };
        var session = await StripeCall(() => new Stripe.Checkout.SessionService(stripe.Client).CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            Customer = customerId,
            ClientReferenceId = consortium,
            LineItems = lines,
            Metadata = metadata,
            SubscriptionData = new() { Metadata = metadata },
            SuccessUrl = portal.For($"/consortia/{consortium}?billing=done").AbsoluteUri,
            CancelUrl = portal.For($"/consortia/{consortium}?billing=cancelled").AbsoluteUri,
        }));
        await billing.SetCheckoutAsync(session.Id);
        await audit.RecordAsync(actor, "billing.checkout-started", $"{planId}: {session.Id}", consortium);
        return (new Uri(session.Url), session.Id);
    }

    /// <summary>Stripe's customer portal, where the lead changes the card or downloads invoices.</summary>
    public async Task<Uri> PortalAsync(string consortium, AuditActor actor)
    {
        RequireConfigured();
        var billing = await grains.GetConsortiumBilling(consortium).GetAsync();
        if (billing.CustomerId is not { } customer)
        {
            throw new BillingRefusedException("The consortium has no payment details yet: subscribe first.");
        }
        var session = await StripeCall(() => new Stripe.BillingPortal.SessionService(stripe.Client).CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customer,
            ReturnUrl = portal.For($"/consortia/{consortium}").AbsoluteUri,
        }));
        await audit.RecordAsync(actor, "billing.portal-opened", customer, consortium);
        return new Uri(session.Url);
    }

    /// <summary>The operator bills the consortium outside Stripe (an invoice by bank transfer): it counts as active.</summary>
    public async Task<BillingView> SetInvoicedOutsideStripeAsync(string consortium, bool invoiced, AuditActor actor)
    {
        if (await grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(consortium)).GetProfileAsync() is null)
        {
            throw new NotFoundException($"There is no consortium '{consortium}'.");
        }
        await grains.GetConsortiumBilling(consortium).SetInvoicedOutsideStripeAsync(invoiced);
        await audit.RecordAsync(actor, invoiced ? "billing.invoiced-outside-stripe" : "billing.invoiced-by-stripe", consortium, consortium);
        return await GetAsync(consortium);
    }

    /// <summary>Members joined, left (were suspended) or changed tier: the subscription's quantities follow, pro-rated for the rest
    /// of the year and invoiced at once (<c>proration_behavior=always_invoice</c>). When Stripe refuses (or cannot be reached),
    /// the change is kept as pending and the billing worker tries it again later and later until Stripe takes it; the change
    /// to the members itself always stands.</summary>
    public async Task SyncQuantitiesAsync(string consortium)
    {
        if (!Options.Configured)
        {
            return;
        }
        var grain = grains.GetConsortiumBilling(consortium);
        var billing = await grain.GetAsync();
        if (billing.SubscriptionId is not { } subscriptionId || billing.Status is BillingStatus.None or BillingStatus.Canceled
            || Options.Plans.GetValueOrDefault(billing.Plan ?? "") is not { } plan)
        {
            if (billing.PendingUpdate is not null)
            {
                await grain.SetPendingUpdateAsync(null);
            }
            return;
        }
        try
        {
            await UpdateQuantitiesAsync(consortium, billing, subscriptionId, plan);
        }
        catch (BillingRefusedException refused)
        {
            var now = clock.GetUtcNow();
            var attempts = (billing.PendingUpdate?.Attempts ?? 0) + 1;
            var retryAt = now + Options.BackoffAfter(attempts);
            await grain.SetPendingUpdateAsync(new PendingQuantityUpdate(billing.PendingUpdate?.Since ?? now, attempts, retryAt, refused.Message));
            logger.LogWarning("Quantity update of consortium {Consortium} refused ({Attempts} so far), tried again from {RetryAt}: {Reason}",
                consortium, attempts, retryAt, refused.Message);
            if (billing.PendingUpdate is null)
            {
                await audit.RecordAsync(RetryActor, "billing.update-pending", refused.Message, consortium);
            }
            return;
        }
        if (billing.PendingUpdate is { } pending)
        {
            await grain.SetPendingUpdateAsync(null);
            await audit.RecordAsync(RetryActor, "billing.update-applied", $"after {pending.Attempts} refusals", consortium);
        }
    }

    private static readonly AuditActor RetryActor = new("Billing (quantity update)", null);

    /// <summary>The billing worker's part: a pending quantity update whose wait is over is tried again.</summary>
    public async Task RetryPendingUpdateAsync(string consortium)
    {
        if ((await grains.GetConsortiumBilling(consortium).GetAsync()).PendingUpdate is { } pending && pending.NextAttemptAt <= clock.GetUtcNow())
        {
            await SyncQuantitiesAsync(consortium);
        }
    }

    private async Task UpdateQuantitiesAsync(string consortium, ConsortiumBilling billing, string subscriptionId, BillingPlan plan)
    {
        var subscriptions = new SubscriptionService(stripe.Client);
        var subscription = await StripeCall(() => subscriptions.GetAsync(subscriptionId));
        var items = subscription.Items.Data.Where(i => i.Price.Metadata?.GetValueOrDefault("tier") is not null)
            .ToDictionary(i => i.Price.Metadata["tier"]);
        var changes = new List<SubscriptionItemOptions>();
        foreach (var (tier, count) in Counts(await MembersAsync(consortium), billing.Tiers))
        {
            if (items.TryGetValue(tier, out var item))
            {
                if (item.Quantity != count)
                {
                    changes.Add(new SubscriptionItemOptions { Id = item.Id, Quantity = count });
                }
            }
            else if (count > 0)
            {
                changes.Add(new SubscriptionItemOptions { Price = await PriceAsync(plan, tier, $"{plan.Name}: member organisation ({tier})", plan.Tiers[tier]), Quantity = count });
            }
        }
        if (changes.Count > 0)
        {
            await StripeCall(() => subscriptions.UpdateAsync(subscriptionId, new SubscriptionUpdateOptions { Items = changes, ProrationBehavior = "always_invoice" }));
        }
    }

    private static Dictionary<string, long> Counts(IReadOnlyList<TenantProfile> members, IReadOnlyDictionary<string, string> tiers) =>
        BillingTiers.All.ToDictionary(tier => tier,
            tier => (long)members.Count(m => !m.IsSuspended && tiers.GetValueOrDefault(m.Slug, BillingTiers.Default) == tier));

    /// <summary>The plan's overage as a metered price on the billing meter of its <see cref="BillingPlan.MeterEventName"/>
    /// (the meter Stripe has for that name, or a new one summing the reported values).</summary>
    private async Task<string> OveragePriceAsync(BillingPlan plan)
    {
        var meters = new Stripe.Billing.MeterService(stripe.Client);
        var meter = (await StripeCall(() => meters.ListAsync(new Stripe.Billing.MeterListOptions { Status = "active", Limit = 100 }))).Data
            .FirstOrDefault(m => m.EventName == plan.MeterEventName)
            ?? await StripeCall(() => meters.CreateAsync(new Stripe.Billing.MeterCreateOptions
            {
                DisplayName = $"{plan.Name}: overage", EventName = plan.MeterEventName,
                DefaultAggregation = new Stripe.Billing.MeterDefaultAggregationOptions { Formula = "sum" },
            }));
        return await PriceAsync(plan, OverageItem, $"{plan.Name}: researchers or issuances above what is included", plan.OveragePrice!.Value, meter.Id);
    }

    private async Task<string> PriceAsync(BillingPlan plan, string item, string name, decimal amount, string? meter = null) =>
        (await StripeCall(() => new PriceService(stripe.Client).CreateAsync(new PriceCreateOptions
        {
            Currency = plan.Currency.ToLowerInvariant(),
            UnitAmount = BillingPlan.MinorUnits(amount),
            // Yearly like the rest of the subscription: the year's reported overage is invoiced with the renewal.
            Recurring = new PriceRecurringOptions { Interval = "year", UsageType = meter is null ? "licensed" : "metered", Meter = meter },
            ProductData = new PriceProductDataOptions { Name = name },
            // The webhook handler finds which item is which tier by this.
            Metadata = new() { ["tier"] = item },
        }))).Id;

    private Task<IReadOnlyList<TenantProfile>> MembersAsync(string consortium) =>
        grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(consortium)).ListTenantsAsync();

    private BillingPlan RequirePlan(string? planId)
    {
        RequireConfigured();
        return planId is not null && Options.Plans.TryGetValue(planId, out var plan)
            ? plan
            : throw new InvalidFieldException("plan", $"There is no plan '{planId}': the plans are {string.Join(", ", Options.Plans.Keys)}.");
    }

    private void RequireConfigured()
    {
        if (!Options.Configured)
        {
            throw new BillingRefusedException("Billing is not configured on this portal (Billing:Plans).");
        }
    }

    /// <summary>Stripe's refusal, said as Stripe says it (never the key).</summary>
    private static async Task<T> StripeCall<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException exception)
        {
            throw new BillingRefusedException($"Stripe refused: {exception.StripeError?.Message ?? exception.Message}");
        }
        catch (HttpRequestException exception)
        {
            throw new BillingRefusedException($"Stripe could not be reached: {exception.Message}");
        }
    }
}
