using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Orcid;
using Consortium.Orcid.Errors;
using Consortium.Orcid.OAuth;

namespace Consortium.Grains.Common;

/// <summary>
/// Asks ORCID what state a record is in, with the tenant's <c>/read-public</c> client token on the member API, which checks the
/// record before anything else for any token (ORCID-Source orcid-api-web/src/main/java/org/orcid/api/memberV3/server/delegator/impl/MemberV3ApiServiceDelegatorImpl.java,
/// checkProfileStatus). Needed where ORCID's other answers hide the state: a deactivated record's tokens are disabled, so a
/// researcher's call answers 401 invalid_token (orcid-core/src/main/java/org/orcid/core/manager/v3/impl/ProfileEntityManagerImpl.java,
/// clearRecord), and the public API's qualifications do not check it at all.
/// </summary>
public static class OrcidRecordProbe
{
    /// <returns>The record's state when it is not active; null when it is, or when ORCID could not tell.</returns>
    public static async Task<OrcidRecordStateException?> StateOfAsync(Consortium.Orcid.OrcidClients orcid, OrcidEnvironment environment,
        IOrcidClientGrain client, string record)
    {
        try
        {
            if (await client.GetClientTokenAsync(OrcidScopes.ReadPublic) is not { } readPublic)
            {
                return null;
            }
            await orcid.Member(environment).GetQualificationsAsync(readPublic.ToOrcidAccess(), OrcidId.Parse(record));
            return null;
        }
        catch (OrcidApiException refused)
        {
            return OrcidRecordStateException.From(refused, record);
        }
        catch (Exception unanswered) when (unanswered is OrcidUnreachableException || OrcidFailures.NoAnswer(unanswered))
        {
            return null;
        }
    }
}
