using System.Net;
using System.Text;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator;

/// <summary>
/// A researcher's record as a person sees it at <c>{registry}/{orcid}</c>, as on orcid.org: the portal's "see it on ORCID"
/// and iD links open it in offline mode. Plain HTML, every value encoded.
/// </summary>
public static class RecordPage
{
    public static void MapRecordPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/{orcid:regex(^\\d{{4}}-\\d{{4}}-\\d{{4}}-\\d{{3}}[\\dX]$)}", (string orcid, OAuthStore oauth, RecordStore records, OrcidSimulatorOptions options) =>
        {
            if (oauth.FindResearcher(orcid) is not { } researcher)
            {
                return Results.NotFound($"No researcher {orcid}.");
            }
            var html = new StringBuilder()
                .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .Append("<title>").Append(Encode($"{researcher.GivenNames} {researcher.FamilyNames} ({orcid})")).Append("</title></head><body>")
                .Append("<p>ORCID simulator (").Append(Encode(options.EnvironmentName)).Append(")</p>")
                .Append("<h1>").Append(Encode($"{researcher.GivenNames} {researcher.FamilyNames}")).Append("</h1>")
                .Append("<p>").Append(Encode(orcid)).Append("</p><h2>Qualifications</h2><ul>");
            foreach (var item in records.Qualifications(orcid) ?? [])
            {
                html.Append("<li>").Append(Encode(item.RoleTitle ?? "(no title)"))
                    .Append(item.Organization is { } organisation ? Encode($" · {organisation.Name}") : "")
                    .Append(item.Source?.SourceName is { } source ? Encode($" · added by {source}") : "").Append("</li>");
            }
            return Results.Content(html.Append("</ul></body></html>").ToString(), "text/html; charset=utf-8");
        });

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
