using System.Net;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary><c>PUT|DELETE /v3.0/{orcid}/webhook/{url-encoded callback}</c> with a <c>/webhook</c> client token.</summary>
public static class WebhooksApi
{
    public static void MapWebhooksApi(this RouteGroupBuilder api)
    {
        api.MapPut("/{orcid}/webhook/{*callback}", Register);
        api.MapDelete("/{orcid}/webhook/{*callback}", Unregister);
    }

    static IResult Register(string orcid, string callback, HttpContext context, RecordStore records, WebhookRegistry registry) =>
        Check(orcid, callback, context, records, out var url) ?? RegisterAt(registry, orcid, url!);

    static IResult Unregister(string orcid, string callback, HttpContext context, RecordStore records, WebhookRegistry registry) =>
        Check(orcid, callback, context, records, out var url) ??
        (registry.Unregister(orcid, url!) ? Results.NoContent() : OrcidResults.Error(HttpStatusCode.NotFound, 9011, $"404 Not Found: No webhook {url} on record {orcid}."));

    static IResult RegisterAt(WebhookRegistry registry, string orcid, Uri url)
    {
        registry.Register(orcid, url);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    static IResult? Check(string orcid, string callback, HttpContext context, RecordStore records, out Uri? url)
    {
        url = null;
        if (!BearerTokenFilter.TokenOf(context)!.Has(OrcidScopes.Webhook))
        {
            return OrcidResults.MissingScope(OrcidScopes.Webhook);
        }
        if (records.Qualifications(orcid) is null)
        {
            return OrcidResults.Error(HttpStatusCode.NotFound, 9016, $"404 Not Found: No ORCID record {orcid}.");
        }
        // Routing leaves %2F encoded in the value; the callback was URL-encoded once by the client.
        if (!Uri.TryCreate(Uri.UnescapeDataString(callback), UriKind.Absolute, out url))
        {
            return OrcidResults.Error(HttpStatusCode.BadRequest, 9001, $"400 Bad Request: '{callback}' is not an absolute callback URL.");
        }
        return null;
    }
}
