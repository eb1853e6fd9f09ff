using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Public API under <c>/pub/v3.0</c>: read only, public items only, whatever the token
/// (orcid-pub-web/src/main/java/org/orcid/api/publicV3/server/delegator/impl/PublicV3ApiServiceDelegatorImpl.java, viewQualifications
/// keeps Visibility.PUBLIC; viewQualification answers a non-public item 403/9039).</summary>
public static class PublicApi
{
    public static void MapPublicApi(this RouteGroupBuilder pub)
    {
        // The public API runs the same bearer-token and token-target filters (orcid-pub-web/src/main/resources/orcid-t1-security-context.xml,
        // orcid-pub-web/src/main/webapp/WEB-INF/web.xml): a researcher's token on another record is 401/9017 here too.
        var api = pub.MapGroup("").AddEndpointFilter<TokenTargetFilter>();
        api.MapGet("/{orcid}/qualifications", (string orcid, RecordStore records, RecordReads reads) =>
        {
            reads.Count(orcid);
            return records.Qualifications(orcid) is { } items
                ? OrcidResults.Json(QualificationSummaries.Of(orcid, items.Where(q => ReadRules.PublicRefusal(q) is null).ToList()))
                : OrcidResults.Error(RecordStore.NoRecord(orcid));
        });
        api.MapGet("/{orcid}/qualification/{putCode:long}", (string orcid, long putCode, RecordStore records) =>
            QualificationsApi.ReadItem(records, orcid, putCode, ReadRules.PublicRefusal));
    }
}
