using Consortium.Grains.OrcidClients;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
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
            TypedResults.Ok(new { @checked = await issuing.ReconcileAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", env), AuditActor.FromApiCaller(http)) }));
        tenants.MapGet("/issuing/summary", async (string env, TenantContext tenant, IssuingService issuing) =>
            TypedResults.Ok(await issuing.CountsAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", env)))).WithTags("Issuances");

        var researchers = tenants.MapGroup("/researchers").WithTags("Researchers");
        researchers.MapGet("/", ListResearchersAsync);
        researchers.MapGet("/{orcid}", GetResearcherAsync);
    }

    private static async Task<Accepted<IssuanceView>> SubmitAsync(IssuanceRequest body, TenantContext tenant, IssuingService issuing, HttpContext http)
    {
        var request = new NewIssuance(body.TemplateId ?? "", body.ExternalId ?? Guid.NewGuid().ToString("n"), body.Orcid, body.Email,
            body.StartDate, body.GivenNames, body.FamilyNames);
        var created = await issuing.SubmitAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", body.Env), [request], AuditActor.FromApiCaller(http));
        var view = created[0].View;
        return TypedResults.Accepted($"/api/v1/tenants/{tenant.Slug}/issuances/{view.Id}", view);
    }

    /// <summary>A page of issuances, newest first unless <c>sort</c> says otherwise; <c>q</c> finds a part of the external id,
    /// iD, email or name; <c>from</c> and <c>to</c> bound the day created (both included).</summary>
    private static async Task<Ok<IssuancePage>> ListAsync(string env, TenantContext tenant, IssuingService issuing,
        string? status = null, string? templateId = null, string? orcid = null, string? q = null, DateOnly? from = null, DateOnly? to = null,
        string? sort = null, int skip = 0, int take = 50) =>
        TypedResults.Ok(await issuing.ListAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", env), new IssuanceQuery
        {
            Statuses = IssuanceStatusNames.Parse("status", status) is { } one ? [one] : null,
            TemplateId = Blank(templateId), Orcid = Blank(orcid), Search = Blank(q),
            From = from is { } first ? new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To = to is { } last ? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Sort = KebabNames.Parse<IssuanceSort>("sort", sort, "a sort order") ?? IssuanceSort.Newest,
            Skip = Paging.AtLeast(nameof(skip), skip, 0),
            Take = Paging.AtMost(nameof(take), Paging.AtLeast(nameof(take), take, 1), IssuanceQuery.MaxTake),
        }));

    private static async Task<Ok<ResearcherPage>> ListResearchersAsync(string env, TenantContext tenant, IssuingService issuing,
        string? q = null, int skip = 0, int take = 50) =>
        TypedResults.Ok(await issuing.ListResearchersAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", env), new ResearcherQuery
        {
            Search = Blank(q),
            Skip = Paging.AtLeast(nameof(skip), skip, 0),
            Take = Paging.AtMost(nameof(take), Paging.AtLeast(nameof(take), take, 1), ResearcherQuery.MaxTake),
        }));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<Results<Ok<IssuanceView>, NotFound>> GetAsync(string id, TenantContext tenant, IssuingService issuing) =>
        await issuing.GetAsync(tenant.Profile, id) is { } issuance ? TypedResults.Ok(issuance) : TypedResults.NotFound();

    private static async Task<Results<Ok<ResearcherDetails>, NotFound>> GetResearcherAsync(string orcid, string env, TenantContext tenant, IssuingService issuing)
    {
        var environment = OrcidEnvironmentName.Parse("env", env);
        var consent = await issuing.GetResearcherAsync(tenant.Profile, environment, orcid);
        var issuances = await issuing.ListAsync(tenant.Profile, environment, new IssuanceQuery { Orcid = orcid, Take = IssuanceQuery.MaxTake });
        return consent is null && issuances.Total == 0
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ResearcherDetails(consent, issuances.Items));
    }
}
