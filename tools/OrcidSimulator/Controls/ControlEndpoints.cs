using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Controls;

/// <summary>Test controls under /_sim/: make clients and researchers, pre-decide consents, look at tokens.</summary>
public static class ControlEndpoints
{
    public sealed record NewClient(string? Name, string[]? RedirectUris);

    public sealed record NewResearcher(string? GivenNames, string? FamilyNames, string? Email);

    public sealed record NextConsent(string? Orcid, string? Decision);

    public static void MapControls(this IEndpointRouteBuilder app)
    {
        var controls = app.MapGroup("/_sim").DisableAntiforgery();
        controls.MapPost("/clients", (NewClient body, SimulatorState state) =>
        {
            var client = state.RegisterClient(body.Name ?? "Member client", body.RedirectUris ?? []);
            return Results.Json(new { clientId = client.ClientId, clientSecret = client.ClientSecret });
        });
        controls.MapPost("/researchers", (NewResearcher body, SimulatorState state) =>
        {
            var researcher = state.CreateResearcher(body.GivenNames ?? "Test", body.FamilyNames ?? "Researcher", body.Email ?? $"{Guid.NewGuid():N}@example.org");
            return Results.Json(new { orcid = researcher.Orcid, password = researcher.Password });
        });
        controls.MapPost("/next-consent", (NextConsent body, SimulatorState state) =>
        {
            if (body.Orcid is null || state.FindResearcher(body.Orcid) is null)
            {
                return Results.BadRequest($"Unknown researcher '{body.Orcid}'.");
            }
            if (body.Decision is not ("authorize" or "deny"))
            {
                return Results.BadRequest("decision must be 'authorize' or 'deny'.");
            }
            state.QueueConsent(new ConsentDecision(body.Orcid, body.Decision == "authorize"));
            return Results.NoContent();
        });
        controls.MapGet("/tokens", (string clientId, SimulatorState state) => Results.Json(state.TokensOf(clientId).Select(token => new
        {
            orcid = token.Orcid,
            scope = token.Scope,
            issuedAt = token.IssuedAt,
            revoked = token.Revoked,
        })));
    }
}
