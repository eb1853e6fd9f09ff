using System.Net;
using Consortium.Orcid.Model;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>
/// Refuses calls on a record that is not active, before any scope check, as ORCID's member API delegator does
/// (<c>checkProfileStatus</c> first in <c>orcid-api-web/src/main/java/org/orcid/api/memberV3/server/delegator/impl/MemberV3ApiServiceDelegatorImpl.java</c>).
/// Order and codes from <c>orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrcidSecurityManagerImpl.java</c> (checkProfile: deprecated,
/// then locked, then deactivated) and <c>orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java</c>
/// (OrcidDeprecatedException → 301/9007, LockedException → 409/9018, DeactivatedException → 409/9044); messages from
/// <c>orcid-core/src/main/resources/i18n/api_en.properties</c>.
/// </summary>
public sealed class RecordStateFilter(RecordStates states, OrcidSimulatorOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues["orcid"] is not string orcid)
        {
            return await next(context);
        }
        return states.Of(orcid) switch
        {
            { State: RecordState.Deprecated, PrimaryOrcid: { } primary } => Deprecated(http, orcid, primary),
            { State: RecordState.Locked } => OrcidResults.Error(HttpStatusCode.Conflict, 9018,
                $"409 Conflict: The ORCID record is locked and cannot be edited. ORCID {orcid}"),
            { State: RecordState.Deactivated } => OrcidResults.Error(HttpStatusCode.Conflict, 9044,
                "409 Conflict: The ORCID record is deactivated and cannot be edited."),
            _ => await next(context),
        };
    }

    /// <summary>
    /// ORCID answers a GET 301 and anything else 409, both with error 9007 and <c>Location</c>: the request URL with the primary iD
    /// in place of the deprecated one (<c>orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidExceptionMapper.java</c>,
    /// getOrcidErrorResponse and getPrimaryRecordLocation; a non-GET gets getDeprecatedOrcidErrorV3's message in both fields).
    /// </summary>
    IResult Deprecated(HttpContext http, string orcid, string primary)
    {
        var request = http.Request;
        var location = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}".Replace(orcid, primary);
        http.Response.Headers.Location = location;
        var primaryUrl = $"https://{options.OrcidHost}/{primary}";
        var userMessage = $"This account is deprecated. Please refer to account: {primaryUrl}.";
        var get = HttpMethods.IsGet(request.Method);
        var status = get ? HttpStatusCode.MovedPermanently : HttpStatusCode.Conflict;
        return OrcidResults.Json(new OrcidError
        {
            ResponseCode = (int)status,
            DeveloperMessage = get ? $"301 Moved Permanently: {userMessage} ORCID https://{options.OrcidHost}/{orcid}" : userMessage,
            UserMessage = userMessage,
            ErrorCode = 9007,
            MoreInfo = "https://members.orcid.org/api/resources/troubleshooting",
        }, (int)status);
    }
}
