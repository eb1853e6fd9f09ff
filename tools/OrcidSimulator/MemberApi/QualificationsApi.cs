using System.Net;
using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Member API qualifications: <c>/v3.0/{orcid}/qualifications</c> and <c>/v3.0/{orcid}/qualification[/{putCode}]</c>.</summary>
public static class QualificationsApi
{
    public static void MapQualificationsApi(this RouteGroupBuilder member)
    {
        var api = member.MapGroup("").AddEndpointFilter<TokenTargetFilter>();
        api.MapGet("/{orcid}/qualifications", List);
        api.MapGet("/{orcid}/qualification/{putCode:long}", Read);
        api.MapPost("/{orcid}/qualification", Create);
        api.MapPut("/{orcid}/qualification/{putCode:long}", Update);
        api.MapDelete("/{orcid}/qualification/{putCode:long}", Delete);
    }

    // MemberV3ApiServiceDelegatorImpl.viewQualifications/viewQualification (orcid-api-web/src/main/java/org/orcid/api/memberV3/server/
    // delegator/impl/MemberV3ApiServiceDelegatorImpl.java): no scope is required of the list itself; items the token may not
    // read are left out, while a single read of one is refused (ReadRules).
    static IResult List(string orcid, HttpContext context, RecordStore records, RecordReads reads)
    {
        reads.Count(orcid);
        var token = BearerTokenFilter.TokenOf(context)!;
        return records.Qualifications(orcid) is { } items
            ? OrcidResults.Json(QualificationSummaries.Of(orcid, items.Where(q => ReadRules.MemberRefusal(q, token) is null).ToList()))
            : OrcidResults.Error(RecordStore.NoRecord(orcid));
    }

    static IResult Read(string orcid, long putCode, HttpContext context, RecordStore records)
    {
        var token = BearerTokenFilter.TokenOf(context)!;
        return ReadItem(records, orcid, putCode, item => ReadRules.MemberRefusal(item, token));
    }

    static async Task<IResult> Create(string orcid, HttpContext context, RecordStore records, OAuthStore oauth, OrganisationRegistry organisations,
        WebhookNotifier webhooks)
    {
        var token = BearerTokenFilter.TokenOf(context)!;
        if (!QualificationRules.CanWrite(token, orcid))
        {
            return OrcidResults.MissingScope(OrcidScopes.ActivitiesUpdate);
        }
        var (qualification, invalid) = await QualificationBody.ReadAsync(context.Request);
        if ((invalid ?? QualificationValidator.Validate(qualification!, creating: true)) is { } rejected)
        {
            return OrcidResults.Error(rejected);
        }
        var writer = new WriterSource(token.ClientId, oauth.FindClient(token.ClientId)?.Name ?? token.ClientId);
        var (putCode, failure) = records.Create(orcid, writer, qualification!, organisations.Check);
        if (failure is not null)
        {
            return OrcidResults.Error(failure);
        }
        webhooks.RecordChanged(orcid);
        var request = context.Request;
        // ORCID answers 201 with an empty body; the put-code is only in Location.
        return Results.Created($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}/{putCode}", null);
    }

    static async Task<IResult> Update(string orcid, long putCode, HttpContext context, RecordStore records, OrganisationRegistry organisations,
        WebhookNotifier webhooks)
    {
        var token = BearerTokenFilter.TokenOf(context)!;
        if (!QualificationRules.CanWrite(token, orcid))
        {
            return OrcidResults.MissingScope(OrcidScopes.ActivitiesUpdate);
        }
        var (qualification, invalid) = await QualificationBody.ReadAsync(context.Request);
        if (invalid is not null)
        {
            return OrcidResults.Error(invalid);
        }
        if (qualification!.PutCode != putCode)
        {
            return OrcidResults.Error(HttpStatusCode.BadRequest, 9019,
                $"400 Bad Request: The put-code in the URL ({putCode}) does not match the put-code in the body ({qualification.PutCode?.ToString() ?? "none"}).");
        }
        if (QualificationValidator.Validate(qualification, creating: false) is { } rejected)
        {
            return OrcidResults.Error(rejected);
        }
        var (updated, failure) = records.Update(orcid, token.ClientId, putCode, qualification, organisations.Check);
        if (failure is not null)
        {
            return OrcidResults.Error(failure);
        }
        webhooks.RecordChanged(orcid);
        return OrcidResults.Json(updated);
    }

    static IResult Delete(string orcid, long putCode, HttpContext context, RecordStore records, WebhookNotifier webhooks)
    {
        var token = BearerTokenFilter.TokenOf(context)!;
        if (!QualificationRules.CanWrite(token, orcid))
        {
            return OrcidResults.MissingScope(OrcidScopes.ActivitiesUpdate);
        }
        if (records.Delete(orcid, token.ClientId, putCode) is { } failure)
        {
            return OrcidResults.Error(failure);
        }
        webhooks.RecordChanged(orcid);
        return Results.NoContent();
    }

    /// <summary>Shared by the member and public APIs: the item, unless it is unknown (404/9016) or <paramref name="refusal"/> refuses it.</summary>
    public static IResult ReadItem(RecordStore records, string orcid, long putCode, Func<Qualification, SimFailure?> refusal)
    {
        if (records.Qualifications(orcid) is not { } items)
        {
            return OrcidResults.Error(RecordStore.NoRecord(orcid));
        }
        if (items.FirstOrDefault(q => q.PutCode == putCode) is not { } item)
        {
            return OrcidResults.Error(RecordStore.NoItem(orcid, putCode));
        }
        return refusal(item) is { } refused ? OrcidResults.Error(refused) : OrcidResults.Json(item);
    }
}
