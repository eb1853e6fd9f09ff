using System.Net;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>A researcher's token works on that researcher's record only: any other iD in the path is 401/9017, before the
/// record or the item is looked at (orcid-api-common/src/main/java/org/orcid/api/common/filter/TokenTargetFilter.java;
/// OrcidUnauthorizedException → 401/9017 in orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java).
/// The member and public APIs register it by scanning org.orcid.api.common (orcid-api-web/src/main/webapp/WEB-INF/web.xml and
/// orcid-pub-web/src/main/webapp/WEB-INF/web.xml, jersey.config.server.provider.packages). A client's own token (client credentials, no iD) passes.</summary>
public sealed class TokenTargetFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (BearerTokenFilter.TokenOf(http) is { Orcid: { } tokenOrcid } && http.GetRouteValue("orcid") is string target && target != tokenOrcid)
        {
            return OrcidResults.Error(HttpStatusCode.Unauthorized, 9017, "401 Unauthorized: Access token is for a different record.");
        }
        return await next(context);
    }
}
