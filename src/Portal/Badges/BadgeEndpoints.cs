using Consortium.Grains.Badges;
using Consortium.Portal.Api;
using Consortium.Portal.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Badges;

/// <summary>
/// Open Badges: public routes a wallet or verifier follows from a credential (the credential itself, the issuer profile, the
/// public keys, the status lists, the credential baked into a PNG), and the API's copy of a credential and key rotation for the organisation.
/// </summary>
public static class BadgeEndpoints
{
    public static void MapBadgeEndpoints(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/t/{tenant}").AllowAnonymous().ExcludeFromDescription();
        tenant.MapGet("/certificates/{certificateId}/credential", async (string tenant, string certificateId, string? format, BadgeService badges) =>
            format == "png"
                ? await badges.BakedPngAsync(tenant, certificateId) is { } png ? Results.File(png, "image/png", $"{certificateId}.png") : Results.NotFound()
                : await CredentialAsync(tenant, await badges.ForCertificateAsync(tenant, certificateId), format, badges));
        tenant.MapGet("/issuer", async (string tenant, BadgeService badges) =>
            await badges.IssuerAsync(tenant) is { } issuer ? Results.Json(issuer, contentType: "application/ld+json") : Results.NotFound());
        tenant.MapGet("/keys/{keyId}", async (string tenant, string keyId, BadgeService badges) =>
            await badges.ProofKeyAsync(tenant, keyId) is { } key ? Results.Json(key, contentType: "application/ld+json") : Results.NotFound());
        tenant.MapGet("/.well-known/jwks.json", async (string tenant, BadgeService badges) =>
            await badges.KeysAsync(tenant) is { } keys ? Results.Json(new { keys }, VcJwt.Json, "application/jwk-set+json") : Results.NotFound());
        tenant.MapGet("/status/{list:int}", async (string tenant, int list, string? format, BadgeService badges) =>
            await badges.StatusListAsync(tenant, list) is not { } status ? Results.NotFound()
            : format == "json" ? Results.Json(status.Credential, VcJwt.Json)
            : Results.Text(status.Jwt, VcJwt.MediaType));

        var api = app.MapGroup("/api/v1/tenants/{tenant}").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Open Badges");
        api.MapGet("/issuances/{id}/credential", async (string id, string? format, TenantContext tenant, BadgeService badges) =>
            await CredentialAsync(tenant.Profile.Slug, await badges.ForIssuanceAsync(tenant.Profile, id), format, badges));
        api.MapPost("/badges/keys/rotate", async (TenantContext tenant, BadgeService badges, HttpContext http) =>
            TypedResults.Ok(await badges.RotateKeyAsync(tenant.Profile, AuditActor.FromApiCaller(http))));
        api.MapBadgeVerify();
    }

    /// <summary>The VC-JWT, with <c>?format=json</c> the credential it carries, with <c>?format=di</c> that credential with an
    /// eddsa-rdfc-2022 Data Integrity proof (<c>application/vc</c>, VC 2.0's media type for a secured JSON-LD credential).</summary>
    private static async Task<IResult> CredentialAsync(string tenant, IssuedCredential? issued, string? format, BadgeService badges) =>
        issued is null ? Results.NotFound()
        : format == "json" ? Results.Json(issued.Credential, VcJwt.Json)
        : format == "di" ? Results.Json(await badges.WithProofAsync(tenant, issued.Credential), contentType: "application/vc")
        : Results.Text(issued.Jwt, VcJwt.MediaType);
}
