namespace Consortium.Portal.Billing;

/// <summary>The <c>Billing</c> section. With no plan configured, billing is "not configured" and closes nothing.</summary>
public sealed class BillingOptions
{
    public const string SectionName = "Billing";

    /// <summary>Plan id (e.g. <c>consortium-annual</c>) → plan.</summary>
    public Dictionary<string, BillingPlan> Plans { get; set; } = [];

    /// <summary>Days a past-due consortium keeps production open (fractions allowed, for trials).</summary>
    public double GraceDays { get; set; } = 14;

    /// <summary>How often the billing worker reports the overage of closed months to Stripe and tries refused quantity updates again.</summary>
    public TimeSpan WorkInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait before a quantity update Stripe refused is tried again; it doubles with each refusal up to <see cref="RetryBackoffMax"/>.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The wait after the <paramref name="attempts"/>th refusal.</summary>
    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(RetryBackoffMax.Ticks, RetryBackoff.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));

    public StripeSettings Stripe { get; set; } = new();

    public bool Configured => Plans.Count > 0;
}

/// <summary>A yearly plan: a price per member organisation by tier, the consortium's own fee, and optional metered overage.
/// Amounts are in the currency's main unit (dollars, euros).</summary>
public sealed class BillingPlan
{
    public string Name { get; set; } = "";

    /// <summary>ISO 4217, e.g. <c>nzd</c>.</summary>
    public string Currency { get; set; } = "";

    /// <summary><c>small</c>, <c>standard</c> and <c>large</c> → the yearly price of one member organisation of that tier.</summary>
    public Dictionary<string, decimal> Tiers { get; set; } = [];

    public decimal ConsortiumFee { get; set; }

    /// <summary>Researchers connected (or issuances written) a member may have a month before overage is metered.</summary>
    public int? IncludedResearchers { get; set; }

    public int? IncludedIssuances { get; set; }

    /// <summary>The price of one researcher or issuance above what is included, reported as Stripe meter events.</summary>
    public decimal? OveragePrice { get; set; }

    /// <summary>The Stripe billing meter's event name that overage is reported under.</summary>
    public string MeterEventName { get; set; } = "consortium_overage";

    public bool Metered => OveragePrice is not null && (IncludedResearchers is not null || IncludedIssuances is not null);

    public static long MinorUnits(decimal amount) => (long)Math.Round(amount * 100, MidpointRounding.AwayFromZero);
}

/// <summary><c>Billing:Stripe</c>. The secret key and webhook secret are secrets: never logged.</summary>
public sealed class StripeSettings
{
    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Another API address than Stripe's (the look-alike); unset means https://api.stripe.com.</summary>
    public Uri? ApiBase { get; set; }

    /// <summary>A key of Stripe's own (<c>sk_live_</c> or <c>sk_test_</c>) with no other API address: then no look-alike runs.</summary>
    public bool NamesRealStripe => ApiBase is null && (SecretKey?.StartsWith("sk_live_", StringComparison.Ordinal) == true
        || SecretKey?.StartsWith("sk_test_", StringComparison.Ordinal) == true);
}
