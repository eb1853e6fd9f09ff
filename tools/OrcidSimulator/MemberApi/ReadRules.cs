using System.Net;
using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>
/// Who may read an item, as ORCID decides it. Member API: orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrcidSecurityManagerImpl.java
/// (checkAndFilter of one element; a list drops the items a single read would refuse). Public API:
/// orcid-api-common/src/main/java/org/orcid/api/publicV3/server/security/impl/PublicAPISecurityManagerV3Impl.java (checkIsPublic).
/// Scopes and what they include: orcid-model src/main/java/org/orcid/jaxb/model/message/ScopePathType.java.
/// </summary>
public static class ReadRules
{
    // Every scope a researcher or client can hold here includes READ_PUBLIC except /webhook (ScopePathType: /activities/update
    // combines AFFILIATIONS_CREATE/UPDATE, each of which combines READ_PUBLIC; openid and /authenticate combine it too).
    static readonly string[] ReadPublicScopes =
        [OrcidScopes.ReadPublic, OrcidScopes.Authenticate, OrcidScopes.OpenId, OrcidScopes.ReadLimited, OrcidScopes.ActivitiesUpdate, OrcidScopes.PersonUpdate];

    // The scopes that include AFFILIATIONS_READ_LIMITED. /activities/update does not: it combines create and update only.
    static readonly string[] ReadLimitedScopes = [OrcidScopes.ReadLimited, "/activities/read-limited", "/affiliations/read-limited"];

    /// <summary>Null when the member API shows <paramref name="item"/> to <paramref name="token"/>; else ORCID's refusal of a single read.
    /// The token is already known to be for this record, or a client's own (TokenTargetFilter).</summary>
    public static SimFailure? MemberRefusal(Qualification item, SimToken token)
    {
        if (item.Visibility == Visibility.Public && ReadPublicScopes.Any(token.Has))
        {
            return null;
        }
        // The source client sees its own items whatever their visibility.
        if (item.Source?.SourceClientId?.Path == token.ClientId)
        {
            return null;
        }
        if (!ReadLimitedScopes.Any(token.Has))
        {
            // OrcidAccessControlException → 403/9038 (OrcidCoreExceptionMapper.java)
            return new SimFailure(HttpStatusCode.Forbidden, 9038,
                $"403 Forbidden: Insufficient or wrong scope: put-code {item.PutCode} is {Describe(item.Visibility)}; reading it needs {OrcidScopes.ReadLimited}.");
        }
        // checkVisibility: a read-limited token sees limited items, never another source's private ones.
        // OrcidVisibilityException → 403/9013 (OrcidCoreExceptionMapper.java)
        return item.Visibility == Visibility.Private
            ? new SimFailure(HttpStatusCode.Forbidden, 9013, $"403 Forbidden: put-code {item.PutCode} is private to the researcher.")
            : null;
    }

    /// <summary>Null when the public API shows <paramref name="item"/>: public items only, whatever token comes with the request.</summary>
    /// <remarks>OrcidNonPublicElementException → 403/9039 (OrcidCoreExceptionMapper.java).</remarks>
    public static SimFailure? PublicRefusal(Qualification item) =>
        item.Visibility == Visibility.Public
            ? null
            : new SimFailure(HttpStatusCode.Forbidden, 9039, $"403 Forbidden: put-code {item.PutCode} is not public; the public API shows public items only.");

    static string Describe(Visibility? visibility) => visibility switch
    {
        Visibility.RegisteredOnly => "registered-only",
        { } value => value.ToString().ToLowerInvariant(),
        null => "not public",
    };
}
