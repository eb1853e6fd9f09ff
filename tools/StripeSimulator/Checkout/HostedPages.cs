using System.Net;
using Consortium.StripeSimulator.State;
using Consortium.StripeSimulator.Webhooks;

namespace Consortium.StripeSimulator.Checkout;

/// <summary>The pages Stripe hosts: checkout (pay or go back), the customer portal and an invoice.</summary>
public static class HostedPages
{
    public static void MapHostedPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").DisableAntiforgery();
        pages.MapGet("/c/pay/{id}", (string id, StripeStore store) =>
        {
            if (store.FindSession(id) is not { } session)
            {
                return Results.NotFound("No such checkout session.");
            }
            var rows = string.Join("", session.LineItems.Select(line =>
                $"<tr><td>{Html(line.Price.ProductName)}</td><td>{line.Quantity}</td><td>{Money(line.Price.UnitAmount * line.Quantity, line.Price.Currency)}</td></tr>"));
            var total = Money(session.LineItems.Sum(line => line.Price.UnitAmount * line.Quantity), session.LineItems[0].Price.Currency);
            var body = session.Status == "open"
                ? $"""
                   <table><tr><th>Item</th><th>Quantity</th><th>Amount a year</th></tr>{rows}<tr><th>Total</th><th></th><th id="total">{total}</th></tr></table>
                   <p>Card: 4242 4242 4242 4242 (the look-alike takes any card)</p>
                   <form method="post" action="/c/pay/{id}/complete"><button id="pay" type="submit">Subscribe</button></form>
                   <form method="post" action="/c/pay/{id}/cancel"><button id="back" type="submit">Back</button></form>
                   """
                : $"<p id=\"status\">This checkout session is {session.Status}.</p>";
            return Page("Checkout (Stripe look-alike)", body);
        });
        pages.MapPost("/c/pay/{id}/complete", async (string id, StripeStore store, WebhookSender webhooks) =>
        {
            if (store.FindSession(id) is not { } session)
            {
                return Results.NotFound("No such checkout session.");
            }
            await webhooks.SendAsync(store.CompleteCheckout(session));
            return Results.Redirect(session.SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", session.Id, StringComparison.Ordinal));
        });
        pages.MapPost("/c/pay/{id}/cancel", async (string id, StripeStore store, WebhookSender webhooks) =>
        {
            if (store.FindSession(id) is not { } session)
            {
                return Results.NotFound("No such checkout session.");
            }
            await webhooks.SendAsync(store.ExpireCheckout(session));
            return Results.Redirect(session.CancelUrl);
        });
        pages.MapGet("/p/session/{id}", (string id, StripeStore store) =>
        {
            if (store.FindPortalSession(id) is not { } session)
            {
                return Results.NotFound("No such portal session.");
            }
            var subscriptions = string.Join("", store.SubscriptionsOf(session.CustomerId).Select(s => $"<li>{Html(s.Id)}: {Html(s.Status)}</li>"));
            return Page("Billing portal (Stripe look-alike)",
                $"<p>Payment method: Visa •••• 4242</p><ul>{subscriptions}</ul><p><a id=\"return\" href=\"{Html(session.ReturnUrl)}\">Return</a></p>");
        });
        pages.MapGet("/i/{id}", (string id, StripeStore store) =>
            store.InvoiceJson(id) is { } invoice
                ? Page($"Invoice {invoice["number"]}", $"<pre>{Html(invoice.ToJsonString(new() { WriteIndented = true }))}</pre>")
                : Results.NotFound("No such invoice."));
    }

    private static IResult Page(string title, string body) =>
        Results.Content($"<!doctype html><html><head><meta charset=\"utf-8\"><title>{Html(title)}</title></head><body><h1>{Html(title)}</h1>{body}</body></html>",
            "text/html; charset=utf-8");

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Money(long minorUnits, string currency) => $"{minorUnits / 100m:N2} {currency.ToUpperInvariant()}";
}
