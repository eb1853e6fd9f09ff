using Consortium.OrcidSimulator.MemberApi;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Controls;

public sealed record RecordStateRequest(string State, string? PrimaryOrcid = null);

/// <summary><c>POST /_sim/records/{orcid}/state</c>: what ORCID's staff or the researcher do to a record, with ORCID's side effects.</summary>
public static class RecordStateControls
{
    public static void MapRecordStateControls(this RouteGroupBuilder sim) => sim.MapPost("/records/{orcid}/state", SetState);

    static IResult SetState(string orcid, RecordStateRequest body, OAuthStore oauth, RecordStore records, RecordStates states, WebhookNotifier webhooks)
    {
        if (oauth.FindResearcher(orcid) is null)
        {
            return Results.NotFound($"No researcher {orcid}.");
        }
        if (!Enum.TryParse<RecordState>(body.State, ignoreCase: true, out var state) || !Enum.IsDefined(state))
        {
            return Results.BadRequest($"state must be one of {string.Join(", ", Enum.GetNames<RecordState>().Select(n => n.ToLowerInvariant()))}, not '{body.State}'.");
        }
        if (state == RecordState.Deprecated && PrimaryProblem(orcid, body.PrimaryOrcid, oauth, states) is { } problem)
        {
            return Results.BadRequest(problem);
        }
        states.Set(orcid, new RecordStatus(state, state == RecordState.Deprecated ? body.PrimaryOrcid : null));
        if (state is RecordState.Deprecated or RecordState.Deactivated)
        {
            // Deprecating and deactivating clear the record's activities; only deactivating also disables its tokens
            // (orcid-core/src/main/java/org/orcid/core/manager/v3/impl/ProfileEntityManagerImpl.java: deprecateProfile and
            // deactivateRecord call clearRecord(orcid, disableTokens: false / true)).
            records.Clear(orcid);
            if (state == RecordState.Deactivated)
            {
                oauth.RevokeAllOf(orcid);
            }
        }
        // Every state change sets the record's last-modified date, which is what ORCID's webhooks report
        // (orcid-persistence/src/main/java/org/orcid/persistence/dao/impl/ProfileDaoImpl.java: lockProfile, deprecateProfile).
        webhooks.RecordChanged(orcid);
        return Results.NoContent();
    }

    /// <summary>ORCID deprecates into another existing record that is neither deprecated nor deactivated
    /// (orcid-core/src/main/java/org/orcid/core/manager/impl/AdminManagerImpl.java, handleDeprecation).</summary>
    static string? PrimaryProblem(string orcid, string? primary, OAuthStore oauth, RecordStates states) => primary switch
    {
        null or "" => "primaryOrcid is required for state deprecated.",
        _ when primary == orcid => "primaryOrcid must be another record than the deprecated one.",
        _ when oauth.FindResearcher(primary) is null => $"primaryOrcid {primary} is not a record of this simulator.",
        _ when states.Of(primary).State is RecordState.Deprecated or RecordState.Deactivated =>
            $"primaryOrcid {primary} is {states.Of(primary).State.ToString().ToLowerInvariant()} itself.",
        _ => null,
    };
}
