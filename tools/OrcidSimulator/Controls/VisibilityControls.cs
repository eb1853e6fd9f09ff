using Consortium.Orcid.Model;
using Consortium.OrcidSimulator.MemberApi;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Controls;

/// <summary><c>POST /_sim/records/{orcid}/qualifications/{putCode}/visibility {visibility}</c>: the researcher changes an item's
/// visibility on their record, as only they can (a client's update that changes it is 403/9035).</summary>
public static class VisibilityControls
{
    // ORCID's visibility values for activities (orcid-model src/main/resources/common_3.0/common-3.0.xsd, visibility);
    // registered-only is not offered to researchers for new items.
    static readonly Dictionary<string, Visibility> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["public"] = Visibility.Public,
        ["limited"] = Visibility.Limited,
        ["private"] = Visibility.Private,
    };

    public static string Choices => string.Join(", ", Values.Keys);

    public static bool TryParse(string? value, out Visibility visibility) => Values.TryGetValue(value ?? "", out visibility);

    public static void MapVisibilityControls(this RouteGroupBuilder sim) =>
        sim.MapPost("/records/{orcid}/qualifications/{putCode:long}/visibility", SetVisibility);

    static IResult SetVisibility(string orcid, long putCode, VisibilityRequest body, RecordStore records, WebhookNotifier webhooks)
    {
        if (!TryParse(body.Visibility, out var visibility))
        {
            return Results.BadRequest($"visibility must be {Choices}, not '{body.Visibility}'.");
        }
        if (records.SetVisibility(orcid, putCode, visibility) is { } failure)
        {
            return OrcidResults.Error(failure);
        }
        // A change the researcher makes is a change of the record like any other.
        webhooks.RecordChanged(orcid);
        return Results.NoContent();
    }
}
