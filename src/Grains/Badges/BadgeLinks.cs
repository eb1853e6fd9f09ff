namespace Consortium.Grains.Badges;

/// <summary>The public addresses of one tenant's badges, all under the portal's configured base (never a request's Host).</summary>
public sealed record BadgeLinks(string PortalUrl, string Tenant)
{
    private string Root => $"{PortalUrl.TrimEnd('/')}/t/{Tenant}";

    /// <summary>The researcher page: the organisation's page on this portal.</summary>
    public string Page => Root;

    public string Issuer => $"{Root}/issuer";

    public string Jwks => $"{Root}/.well-known/jwks.json";

    /// <summary>Where the Ed25519 keys of Data Integrity proofs are published, one Multikey document each.</summary>
    public string ProofKeys => $"{Root}/keys";

    /// <summary>The Multikey document of one Ed25519 key, which a Data Integrity proof names as its verificationMethod.</summary>
    public string ProofKey(string keyId) => ProofKeyOf(ProofKeys, keyId);

    public static string ProofKeyOf(string keysUrl, string keyId) => $"{keysUrl}/{keyId}";

    public string Logo => $"{Root}/logo";

    public string StatusList(int list) => $"{Root}/status/{list}";

    public string Certificate(string certificateId) => $"{Root}/certificates/{certificateId}";

    public string Credential(string certificateId) => $"{Certificate(certificateId)}/credential";

    /// <summary>A template has no page of its own: its id is a URN, unique per tenant.</summary>
    public string Achievement(string templateId) => $"urn:consortium:{Tenant}:achievement:{templateId}";
}
