using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;
using Consortium.Portal.Researchers;

namespace Consortium.Portal.Badges;

/// <summary>Open Badges 3.0 credentials of a tenant's issuances, signed by the tenant's key grain, and what a verifier needs
/// to check them: the issuer profile, the public keys and the status lists.</summary>
public sealed class BadgeService(IGrainFactory grains, ResearcherPages pages, PortalAddress portal, AuditLog audit, TimeProvider clock)
{
    private BadgeLinks Links(string tenant) => new(portal.Base.AbsoluteUri, tenant);

    private IIssuerKeysGrain Keys(string tenant) => grains.GetGrain<IIssuerKeysGrain>(IssuerKeys.For(tenant));

    /// <returns>The credential of the certificate's issuance, or null when the certificate page would not show it either.</returns>
    public async Task<IssuedCredential?> ForCertificateAsync(string tenant, string certificateId) =>
        (await CertificateCredentialAsync(tenant, certificateId))?.Issued;

    /// <returns>The badge image with the credential baked in (OB 3.0 "Baking"): the organisation's logo when it is a PNG, else a
    /// square in its primary colour; null when the certificate has no credential.</returns>
    public async Task<byte[]?> BakedPngAsync(string tenant, string certificateId)
    {
        if (await CertificateCredentialAsync(tenant, certificateId) is not { } found)
        {
            return null;
        }
        var (issued, certificate) = found;
        var logo = certificate.Page.HasLogo ? await grains.GetGrain<ITenantBrandingGrain>(TenantKey.For(tenant)).GetLogoAsync() : null;
        if (logo is { ContentType: "image/png" })
        {
            try
            {
                return BakedPng.Bake(logo.Content, issued.Jwt);
            }
            catch (FormatException)
            {
                // A logo that says PNG but does not parse as one still gets a badge, in the organisation's colour.
            }
        }
        var colour = Convert.FromHexString((certificate.Page.Branding.PrimaryColour ?? DefaultBadgeColour).TrimStart('#'));
        return BakedPng.Bake(BakedPng.Plain(colour[0], colour[1], colour[2]), issued.Jwt);
    }

    private const string DefaultBadgeColour = "#455A64";

    private async Task<(IssuedCredential Issued, CertificateModel Certificate)?> CertificateCredentialAsync(string tenant, string certificateId)
    {
        if (await pages.LoadCertificateAsync(tenant, certificateId) is not { } certificate
            || await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenant)).GetAsync(certificate.Issuance.TemplateId) is not { } template)
        {
            return null;
        }
        var status = await grains.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(tenant, certificate.Issuance.Id)).GetStatusIndexAsync();
        var links = Links(tenant);
        var credential = OpenBadgeCredentialBuilder.Build(links, certificate.Page.Tenant, certificate.Page.HasLogo, template, certificate.Issuance, status);
        return (new IssuedCredential(credential, await Keys(tenant).SignAsync(VcJwt.Payload(credential), links.Jwks)), certificate);
    }

    /// <returns>The credential of the issuance, or null when it has none (not written to ORCID).</returns>
    public async Task<IssuedCredential?> ForIssuanceAsync(TenantProfile tenant, string issuanceId) =>
        await grains.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(tenant.Slug, issuanceId)).GetAsync() is { CertificateId: { } certificateId }
            ? await ForCertificateAsync(tenant.Slug, certificateId)
            : null;

    /// <returns>The issuer profile as JSON-LD, or null for an unknown or suspended tenant.</returns>
    public async Task<JsonObject?> IssuerAsync(string tenant)
    {
        if (await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync() is not { IsSuspended: false } profile)
        {
            return null;
        }
        var hasLogo = await grains.GetGrain<ITenantBrandingGrain>(TenantKey.For(tenant)).GetLogoAsync() is not null;
        var issuer = JsonSerializer.SerializeToNode(OpenBadgeCredentialBuilder.Issuer(Links(tenant), profile, hasLogo), VcJwt.Json)!.AsObject();
        issuer.Insert(0, "@context", new JsonArray(OpenBadgeCredential.VcContext, OpenBadgeCredential.ObContext));
        return issuer;
    }

    /// <summary>Every public key the tenant ever signed with (none before its first credential).</summary>
    public async Task<IReadOnlyList<PublicSigningKey>?> KeysAsync(string tenant) =>
        await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync() is { IsSuspended: false }
            ? await Keys(tenant).GetPublicKeysAsync(Links(tenant).Jwks)
            : null;

    /// <summary>The credential as JSON with an eddsa-rdfc-2022 Data Integrity proof by the tenant's Ed25519 key: the same
    /// credential as the VC-JWT carries, the other form OB 3.0 allows.</summary>
    public async Task<JsonObject> WithProofAsync(string tenant, OpenBadgeCredential credential) =>
        JsonNode.Parse(await Keys(tenant).SignWithProofAsync(JsonSerializer.Serialize(credential, VcJwt.Json), Links(tenant).ProofKeys))!.AsObject();

    /// <returns>The Multikey document of one of the tenant's Ed25519 keys, controlled by its issuer profile; null when there is
    /// no such key or tenant.</returns>
    public async Task<JsonObject?> ProofKeyAsync(string tenant, string keyId)
    {
        if (await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync() is not { IsSuspended: false }
            || await Keys(tenant).GetProofKeyAsync(keyId) is not { } publicKey)
        {
            return null;
        }
        var links = Links(tenant);
        return new JsonObject
        {
            ["@context"] = "https://w3id.org/security/multikey/v1",
            ["id"] = links.ProofKey(keyId),
            ["type"] = "Multikey",
            ["controller"] = links.Issuer,
            ["publicKeyMultibase"] = publicKey,
        };
    }

    /// <summary>A new signing key; credentials signed before stay verifiable by the old key, which stays published.</summary>
    public async Task<PublicSigningKey> RotateKeyAsync(TenantProfile tenant, AuditActor actor)
    {
        var key = await Keys(tenant.Slug).RotateAsync(Links(tenant.Slug).Jwks);
        await audit.RecordAsync(actor, "badges.key-rotated", key.Kid, tenant.ConsortiumSlug, tenant.Slug);
        return key;
    }

    /// <returns>The signed status list and its JSON, or null when the tenant has no such list.</returns>
    public async Task<(StatusListCredential Credential, string Jwt)?> StatusListAsync(string tenant, int list)
    {
        if (await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync() is not { IsSuspended: false }
            || await grains.GetGrain<IStatusListGrain>(IssuerKeys.For(tenant)).GetRevokedAsync(list) is not { } revoked)
        {
            return null;
        }
        var links = Links(tenant);
        var credential = OpenBadgeCredentialBuilder.StatusList(links, list, revoked, clock.GetUtcNow());
        return (credential, await Keys(tenant).SignAsync(VcJwt.Payload(credential), links.Jwks));
    }
}
