using System.Text.Json;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;
using Consortium.OrcidSimulator.MemberApi;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Controls;

/// <summary>Test controls under <c>/_sim/</c>: drive the simulator without a browser.</summary>
public static class ControlsApi
{
    public static void MapControlsApi(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim").DisableAntiforgery();
        sim.MapPost("/clients", (NewClientRequest body, OAuthStore oauth) =>
        {
            var client = oauth.RegisterClient(body.Name, body.RedirectUris ?? []);
            return Results.Ok(new NewClientResponse(client.ClientId, client.ClientSecret));
        });
        sim.MapGet("/clients/{clientId}/traffic", (string clientId, ClientRateLimiter limiter) => Results.Ok(limiter.TrafficOf(clientId)));
        sim.MapGet("/clients/{clientId}/public-traffic", (string clientId, PublicApiLimits limits) => Results.Ok(limits.TrafficOf(clientId)));
        sim.MapGet("/records/{orcid}/reads", (string orcid, RecordReads reads) => Results.Ok(new RecordReadCount(orcid, reads.Of(orcid))));
        sim.MapPost("/researchers", (NewResearcherRequest body, OAuthStore oauth, RecordStore records) =>
        {
            if (!VisibilityControls.TryParse(body.DefaultVisibility ?? "public", out var defaultVisibility))
            {
                return Results.BadRequest($"defaultVisibility must be {VisibilityControls.Choices}, not '{body.DefaultVisibility}'.");
            }
            if (body.Password is { Length: < NewResearcher.MinimumPasswordLength })
            {
                return Results.BadRequest($"password needs at least {NewResearcher.MinimumPasswordLength} characters.");
            }
            var researcher = oauth.AddResearcher(body.GivenNames, body.FamilyNames, body.Email, password: body.Password);
            records.CreateRecord(researcher.Orcid, defaultVisibility);
            return Results.Ok(new NewResearcherResponse(researcher.Orcid, researcher.Password));
        });
        sim.MapVisibilityControls();
        sim.MapPost("/next-consent", NextConsent);
        sim.MapPost("/records/{orcid}/qualifications", PutQualification);
        sim.MapGet("/records/{orcid}", (string orcid, OAuthStore oauth, RecordStore records) =>
            oauth.FindResearcher(orcid) is { } researcher && records.Qualifications(orcid) is { } items
                ? Results.Json(new
                {
                    orcid,
                    givenNames = researcher.GivenNames,
                    familyNames = researcher.FamilyNames,
                    email = researcher.Email,
                    qualifications = JsonSerializer.SerializeToElement(items, OrcidJson.Options),
                })
                : Results.NotFound($"No researcher {orcid}."));
        sim.MapGet("/tokens", (string? clientId, OAuthStore oauth) =>
            Results.Ok(oauth.TokensOf(clientId).Select(t =>
                new TokenView(t.AccessToken, t.ClientId, t.Orcid, string.Join(' ', t.Scopes), t.IssuedAt, t.Revoked))));
        sim.MapWebhookControls();
        sim.MapPost("/organisations", (NewOrganisationRequest body, OrganisationRegistry organisations) =>
            organisations.Add(body.Source, body.Identifier, body.Name) is { } problem ? Results.BadRequest(problem) : Results.NoContent());
        sim.MapRecordStateControls();
        sim.MapPost("/faults", StartFault);
        sim.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.StopAll();
            return Results.NoContent();
        });
    }

    static IResult NextConsent(NextConsentRequest body, OAuthStore oauth)
    {
        if (oauth.FindResearcher(body.Orcid) is null)
        {
            return Results.BadRequest($"No researcher {body.Orcid}.");
        }
        return body.Decision switch
        {
            "authorize" or "deny" => Enqueue(oauth, new ConsentDecision(body.Orcid, body.Decision == "authorize")),
            _ => Results.BadRequest($"decision must be 'authorize' or 'deny', not '{body.Decision}'."),
        };
    }

    static IResult Enqueue(OAuthStore oauth, ConsentDecision decision)
    {
        oauth.DecideNextConsent(decision);
        return Results.NoContent();
    }

    static IResult PutQualification(string orcid, PutQualificationRequest body, OAuthStore oauth, RecordStore records, WebhookNotifier webhooks)
    {
        if (oauth.FindResearcher(orcid) is not { } researcher)
        {
            return Results.NotFound($"No researcher {orcid}.");
        }
        var client = oauth.FindClient(body.SourceClientId);
        if (client is null == !body.SelfAsserted)
        {
            return Results.BadRequest("Give exactly one of a known sourceClientId or selfAsserted: true.");
        }
        Qualification? qualification;
        try
        {
            qualification = body.Qualification.Deserialize<Qualification>(OrcidJson.Options);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest($"qualification is not ORCID JSON: {exception.Message}");
        }
        if (qualification is null)
        {
            return Results.BadRequest("qualification is required.");
        }
        var writer = client is null ? new WriterSource(null, researcher.Name) : new WriterSource(client.ClientId, client.Name);
        var (putCode, failure) = records.Create(orcid, writer, qualification);
        if (failure is not null)
        {
            return OrcidResults.Error(failure);
        }
        webhooks.RecordChanged(orcid);
        return Results.Ok(new PutQualificationResponse(putCode));
    }

    static IResult StartFault(FaultRequest body, FaultInjector faults)
    {
        if (!Enum.TryParse<FaultKind>(body.Kind, ignoreCase: true, out var kind))
        {
            return Results.BadRequest($"kind must be one of {string.Join(", ", Enum.GetNames<FaultKind>().Select(n => n.ToLowerInvariant()))}.");
        }
        if (body.Rate is <= 0 or > 1 || body.DurationSeconds <= 0)
        {
            return Results.BadRequest("rate must be in (0, 1] and durationSeconds positive.");
        }
        faults.Start(kind, body.Rate, TimeSpan.FromSeconds(body.DurationSeconds), TimeSpan.FromMilliseconds(body.LatencyMilliseconds));
        return Results.NoContent();
    }
}
