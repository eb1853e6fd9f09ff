using Consortium.Grains.Issuing;
using Consortium.Grains.Researchers;
using Consortium.Portal.Audit;
using Consortium.Portal.Issuing;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class IssuancesApi
{
    /// <summary>One issuance: <c>orcid</c> for a connected researcher, or <c>email</c> to invite one. Without <c>externalId</c> one is made up,
    /// but then a repeated call issues again: send your own id to make retries safe.</summary>
    public sealed record IssuanceRequest(
        string? Env, string? TemplateId, string? Orcid, string? Email, string? ExternalId, DateOnly? StartDate, string? GivenNames, string? FamilyNames);

    public sealed record ResearcherDetails(ResearcherView? Consent, IReadOnlyList<IssuanceView> Issuances);

    public static void MapIssuancesApi(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/v1/tenants/{tenant}").RequireAuthorization(ApiPolicies.ApiCaller);
        var issuances = tenants.MapGroup("/issuances").WithTags("Issuances");
        issuances.MapPost("/", SubmitAsync);
        issuances.MapGet("/", ListAsync);
        issuances.MapGet("/{id}", GetAsync);
        issuances.MapPost("/{id}/revoke", async (string id, TenantContext tenant, IssuingService issuing, HttpContext http) =>
            TypedResults.Ok(await issuing.RevokeAsync(tenant.Profile, id, AuditActor.FromApiCaller(http))));
        issuances.MapPost("/{id}/retry", async (string id, TenantContext tenant, IssuingService issuing, HttpContext http) =>
            TypedResults.Ok(await issuing.RetryAsync(tenant.Profile, id, AuditActor.FromApiCaller(http))));
        issuances.MapPost("/reconcile", async (string env, TenantContext tenant, IssuingService issuing, HttpContext http) =>
            TypedResults.Ok(new { @checked = await issuing.ReconcileAsync(tenant.Profile, env, AuditActor.FromApiCaller(http)) }));
        tenants.MapGet("/issuing/summary", async (string env, TenantContext tenant, IssuingService issuing) =>
            TypedResults.Ok(await issuing.CountsAsync(tenant.Profile, env))).WithTags("Issuances");

        var researchers = tenants.MapGroup("/researchers").WithTags("Researchers");
        researchers.MapGet("/", async (string env, TenantContext tenant, IssuingService issuing) =>
            TypedResults.Ok(await issuing.ListResearchersAsync(tenant.Profile, env)));
        researchers.MapGet("/{orcid}", GetResearcherAsync);
    }

    private static async Task<Accepted<IssuanceView>> SubmitAsync(IssuanceRequest body, TenantContext tenant, IssuingService issuing, HttpContext http)
    {
        var request = new NewIssuance(body.TemplateId ?? "", body.ExternalId ?? Guid.NewGuid().ToString("n"), body.Orcid, body.Email,
            body.StartDate, body.GivenNames, body.FamilyNames);
        var created = await issuing.SubmitAsync(tenant.Profile, body.Env ?? "", [request], AuditActor.FromApiCaller(http));
        var view = created[0].View;
        return TypedResults.Accepted($"/api/v1/tenants/{tenant.Slug}/issuances/{view.Id}", view);
    }

    private static async Task<Ok<IssuancePage>> ListAsync(string env, TenantContext tenant, IssuingService issuing,
        string? status = null, string? orcid = null, int skip = 0, int take = 50) =>
        TypedResults.Ok(await issuing.ListAsync(tenant.Profile, env, IssuanceStatusNames.Parse("status", status), orcid,
            Paging.AtLeast(nameof(skip), skip, 0), Paging.AtLeast(nameof(take), take, 1)));

    private static async Task<Results<Ok<IssuanceView>, NotFound>> GetAsync(string id, TenantContext tenant, IssuingService issuing) =>
        await issuing.GetAsync(tenant.Profile, id) is { } issuance ? TypedResults.Ok(issuance) : TypedResults.NotFound();

    private static async Task<Results<Ok<ResearcherDetails>, NotFound>> GetResearcherAsync(string orcid, string env, TenantContext tenant, IssuingService issuing)
    {
        var consent = await issuing.GetResearcherAsync(tenant.Profile, env, orcid);
        var issuances = await issuing.ListAsync(tenant.Profile, env, orcid: orcid, take: 1000);
        return consent is null && issuances.Total == 0
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ResearcherDetails(consent, issuances.Items));
    }
}
