using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>
/// <c>PUT|DELETE {member API host}/{orcid}/webhook/{url-encoded callback}</c> with a <c>/webhook</c> client token, with no
/// version prefix: ORCID serves webhooks at <c>OrcidApiConstants.WEBHOOKS_PATH = "/{orcid}/webhook/{webhook_uri}"</c>
/// (orcid-api-web/src/main/java/org/orcid/api/member/common/WebhooksService.java), let through unversioned by
/// orcid-api-common/src/main/java/org/orcid/api/common/filter/DefaultApiVersionFilter.java, and has no such resource under
/// <c>/v3.0</c>, which therefore answers 404. Answers as
/// orcid-api-web/src/main/java/org/orcid/api/member/common/delegator/impl/WebhooksServiceDelegatorImpl.java does.
/// </summary>
public static class WebhooksApi
{
    public static void MapWebhooksApi(this RouteGroupBuilder api)
    {
        api.MapPut("/{orcid}/webhook/{*callback}", Register);
        api.MapDelete("/{orcid}/webhook/{*callback}", Unregister);
    }

    /// <summary>201 with <c>Location</c> (the request's own URL) when new, 204 when the hook already existed.</summary>
    static IResult Register(string orcid, string callback, HttpContext context, RecordStore records, WebhookRegistry registry)
    {
        if (Check(orcid, callback, context, records, out var url) is { } refused)
        {
            return refused;
        }
        return registry.Register(orcid, url!, ClientOf(context))
            // The URL as it was asked for (ORCID's uriInfo.getAbsolutePath()), the callback still encoded.
            ? Results.Created($"{context.Request.Scheme}://{context.Request.Host}{context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget}", value: null)
            : Results.NoContent();
    }

    /// <summary>204; 404/9028 for no such hook (OrcidWebhookNotFoundException, orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java);
    /// 403/9014 when another client registered it (OrcidForbiddenException, message apiError.forbidden_unregister_webhook.exception in
    /// orcid-core/src/main/resources/i18n/api_en.properties).</summary>
    static IResult Unregister(string orcid, string callback, HttpContext context, RecordStore records, WebhookRegistry registry)
    {
        if (Check(orcid, callback, context, records, out var url) is { } refused)
        {
            return refused;
        }
        return registry.Unregister(orcid, url!, ClientOf(context)) switch
        {
            WebhookRemoval.Removed => Results.NoContent(),
            WebhookRemoval.NotOwner => OrcidResults.Error(HttpStatusCode.Forbidden, 9014,
                "Unable to unregister webhook: Only the client that register the webhook can unregister it."),
            _ => OrcidResults.Error(HttpStatusCode.NotFound, 9028, $"No webhook found for orcid={orcid}, and uri={url}."),
        };
    }

    static string ClientOf(HttpContext context) => BearerTokenFilter.TokenOf(context)!.ClientId;

    static IResult? Check(string orcid, string callback, HttpContext context, RecordStore records, out Uri? url)
    {
        url = null;
        if (!BearerTokenFilter.TokenOf(context)!.Has(OrcidScopes.Webhook))
        {
            return OrcidResults.MissingScope(OrcidScopes.Webhook);
        }
        // Routing leaves %2F encoded in the value; the callback was URL-encoded once by the client.
        if (!Uri.TryCreate(Uri.UnescapeDataString(callback), UriKind.Absolute, out url))
        {
            // OrcidBadRequestException → 400/9012 (OrcidCoreExceptionMapper.java), apiError.badrequest_incorrect_webhook.exception.
            return OrcidResults.Error(HttpStatusCode.BadRequest, 9012, $"Webhook uri: {callback} is syntactically incorrect");
        }
        if (records.Qualifications(orcid) is null)
        {
            // OrcidNotFoundException → 404/9011 (OrcidCoreExceptionMapper.java).
            return OrcidResults.Error(HttpStatusCode.NotFound, 9011, $"404 Not Found: No ORCID record {orcid}.");
        }
        return null;
    }
}
