namespace Consortium.Portal.Billing;

/// <summary>Billing cannot do that now (not configured, no subscription yet, Stripe refused): answered 409 with the reason.</summary>
public sealed class BillingRefusedException(string message) : Exception(message);
