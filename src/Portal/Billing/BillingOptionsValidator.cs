using Microsoft.Extensions.Options;

namespace Consortium.Portal.Billing;

/// <summary>Checks billing only when it is configured; in Production, Stripe is Stripe itself, never the look-alike.</summary>
internal sealed class BillingOptionsValidator(IHostEnvironment environment) : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        if (!options.Configured)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        foreach (var (id, plan) in options.Plans)
        {
            var at = $"{BillingOptions.SectionName}:Plans:{id}";
            if (plan.Currency.Length != 3 || !plan.Currency.All(char.IsAsciiLetter))
            {
                failures.Add($"{at}:Currency must be a three-letter ISO 4217 code such as nzd, not '{plan.Currency}'.");
            }
            if (BillingTiers.All.FirstOrDefault(tier => !plan.Tiers.ContainsKey(tier)) is { } missing)
            {
                failures.Add($"{at}:Tiers needs a yearly price for each of {string.Join(", ", BillingTiers.All)}; '{missing}' is missing.");
            }
            if (plan.Tiers.Keys.FirstOrDefault(tier => !BillingTiers.All.Contains(tier)) is { } unknown)
            {
                failures.Add($"{at}:Tiers:{unknown} is not a tier: the tiers are {string.Join(", ", BillingTiers.All)}.");
            }
            if (plan.Tiers.Values.Append(plan.ConsortiumFee).Append(plan.OveragePrice ?? 0).Any(amount => amount < 0))
            {
                failures.Add($"{at}: prices cannot be negative.");
            }
        }
        if (options.WorkInterval <= TimeSpan.Zero)
        {
            failures.Add($"{BillingOptions.SectionName}:WorkInterval must be positive, e.g. 00:15:00.");
        }
        if (options.RetryBackoff <= TimeSpan.Zero || options.RetryBackoffMax < options.RetryBackoff)
        {
            failures.Add($"{BillingOptions.SectionName}:RetryBackoff must be positive and {BillingOptions.SectionName}:RetryBackoffMax no shorter.");
        }
        foreach (var (id, plan) in options.Plans.Where(p => p.Value.Metered && p.Value.MeterEventName is not { Length: > 0 and <= 100 }))
        {
            failures.Add($"{BillingOptions.SectionName}:Plans:{id}:MeterEventName must name the Stripe meter's event (at most 100 characters).");
        }
        if (string.IsNullOrWhiteSpace(options.Stripe.SecretKey))
        {
            failures.Add($"{BillingOptions.SectionName}:Stripe:SecretKey is required when {BillingOptions.SectionName}:Plans names a plan.");
        }
        if (string.IsNullOrWhiteSpace(options.Stripe.WebhookSecret))
        {
            failures.Add($"{BillingOptions.SectionName}:Stripe:WebhookSecret (the endpoint's whsec_… secret) is required when {BillingOptions.SectionName}:Plans names a plan.");
        }
        if (environment.IsProduction() && !options.Stripe.NamesRealStripe)
        {
            failures.Add($"In Production billing talks to Stripe itself: {BillingOptions.SectionName}:Stripe:SecretKey must be a Stripe key (sk_live_ or sk_test_) "
                + $"and {BillingOptions.SectionName}:Stripe:ApiBase unset, never the Stripe look-alike.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
