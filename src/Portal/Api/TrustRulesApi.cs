using Consortium.Grains.OrcidClients;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

public static class TrustRulesApi
{
    /// <summary>A draft rule tried against a live record before it is saved.</summary>
    public sealed record RuleTest(string? Env, string? Orcid, TrustRuleInput? Rule);

    public sealed record VerificationBody(string? Env, string? Orcid, string? RuleId);

    public sealed record BatchVerificationBody(string? Env, string? RuleId, List<string?>? Orcids);

    public static void MapTrustRulesApi(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/v1/tenants/{tenant}").RequireAuthorization(ApiPolicies.ApiCaller);
        var rules = tenants.MapGroup("/trust-rules").WithTags("Trust rules");
        rules.MapGet("/", async (TenantContext tenant, VerificationService verification) => TypedResults.Ok(await verification.ListRulesAsync(tenant.Profile)));
        rules.MapGet("/{id}", GetAsync);
        rules.MapGet("/{id}/versions", async (string id, TenantContext tenant, VerificationService verification) =>
            TypedResults.Ok(await verification.RuleVersionsAsync(tenant.Profile, id)));
        rules.MapPut("/{id}", async (string id, TrustRuleInput body, TenantContext tenant, VerificationService verification, HttpContext http) =>
            TypedResults.Ok(await verification.SaveRuleAsync(tenant.Profile, id, body, AuditActor.FromApiCaller(http))));
        rules.MapPost("/test", async (RuleTest body, TenantContext tenant, VerificationService verification, HttpContext http) =>
            TypedResults.Ok(await verification.VerifyAsync(tenant.Profile,
                new VerificationRequest(OrcidEnvironmentName.Parse("env", body.Env), body.Orcid ?? "", "draft", body.Rule ?? new TrustRuleInput(null, null, null, null, null, null, null, null, null)),
                AuditActor.FromApiCaller(http))));
        tenants.MapPost("/verifications", async (VerificationBody body, TenantContext tenant, VerificationService verification, HttpContext http) =>
            TypedResults.Ok(await verification.VerifyAsync(tenant.Profile,
                new VerificationRequest(OrcidEnvironmentName.Parse("env", body.Env), body.Orcid ?? "", body.RuleId),
                AuditActor.FromApiCaller(http)))).WithTags("Verifications");
        tenants.MapPost("/verifications/batch", async (BatchVerificationBody body, TenantContext tenant, VerificationService verification, HttpContext http) =>
            TypedResults.Ok(await verification.VerifyBatchAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", body.Env), body.RuleId, body.Orcids,
                AuditActor.FromApiCaller(http), http.RequestAborted))).WithTags("Verifications");
    }

    private static async Task<Results<Ok<TrustRule>, NotFound>> GetAsync(string id, TenantContext tenant, VerificationService verification, int? version = null) =>
        await verification.GetRuleAsync(tenant.Profile, id, version) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound();
}
