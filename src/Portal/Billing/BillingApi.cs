using Consortium.Portal.Api;
using Consortium.Portal.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Billing;

/// <summary>A consortium's billing: its subscription, checkout and portal links, tiers, and the operator's outside-Stripe flag.</summary>
public static class BillingApi
{
    public sealed record CheckoutRequest(string? Plan);

    public sealed record CheckoutAnswer(Uri Url, string SessionId);

    public sealed record PortalAnswer(Uri Url);

    public sealed record TierRequest(string? Tier);

    public sealed record InvoicedOutsideStripeRequest(bool Invoiced);

    public static RouteGroupBuilder MapBillingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/consortia/{consortium}").RequireAuthorization(ApiPolicies.Operator).WithTags("Billing");
        api.MapGet("/billing", async (string consortium, BillingService billing) => TypedResults.Ok(await billing.GetAsync(consortium)));
        api.MapPost("/billing/checkout", async Task<Ok<CheckoutAnswer>> (string consortium, CheckoutRequest body, BillingService billing, HttpContext http) =>
        {
            var (url, sessionId) = await billing.CheckoutAsync(consortium, body.Plan, AuditActor.FromApiCaller(http));
            return TypedResults.Ok(new CheckoutAnswer(url, sessionId));
        });
        api.MapPost("/billing/portal", async (string consortium, BillingService billing, HttpContext http) =>
            TypedResults.Ok(new PortalAnswer(await billing.PortalAsync(consortium, AuditActor.FromApiCaller(http)))));
        api.MapPut("/billing/invoiced-outside-stripe", async (string consortium, InvoicedOutsideStripeRequest body, BillingService billing, HttpContext http) =>
            TypedResults.Ok(await billing.SetInvoicedOutsideStripeAsync(consortium, body.Invoiced, AuditActor.FromApiCaller(http))));
        api.MapPut("/tenants/{tenant}/tier", async (string consortium, string tenant, TierRequest body, BillingService billing, HttpContext http) =>
            TypedResults.Ok(await billing.SetTierAsync(consortium, tenant, body.Tier, AuditActor.FromApiCaller(http))));
        return api;
    }
}
