using System.Net;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Public API under <c>/pub/v3.0</c>: read only, public items only.</summary>
public static class PublicApi
{
    public static void MapPublicApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{orcid}/qualifications", (string orcid, RecordStore records) =>
            records.Qualifications(orcid) is { } items
                ? OrcidResults.Json(QualificationSummaries.Of(orcid, items.Where(q => QualificationRules.Visible(q, null, orcid)).ToList()))
                : OrcidResults.Error(HttpStatusCode.NotFound, 9016, $"404 Not Found: No ORCID record {orcid}."));
        api.MapGet("/{orcid}/qualification/{putCode:long}", (string orcid, long putCode, RecordStore records) =>
            QualificationsApi.FindVisible(records, orcid, putCode, null));
    }
}
