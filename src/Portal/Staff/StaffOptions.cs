namespace Consortium.Portal.Staff;

/// <summary>The <c>Staff</c> configuration section: who signs in to the portal, and how.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>ORCID iDs of the platform's operators.</summary>
    public string[] OperatorOrcids { get; set; } = [];

    /// <summary>The primary provider: ORCID, whose <c>sub</c> is the person's iD.</summary>
    public OidcProviderOptions Oidc { get; set; } = new();

    /// <summary>More providers to sign in with, by a short name (e.g. an institution's own): <c>Staff:Providers:{name}:Authority</c>, ...
    /// Their people are known as <c>{name}:{sub}</c>, never as an ORCID iD.</summary>
    public Dictionary<string, OidcProviderOptions> Providers { get; set; } = [];

    /// <summary>Every configured provider by its authentication scheme, the primary first.</summary>
    public IEnumerable<(string Scheme, string? Name, OidcProviderOptions Provider)> ConfiguredProviders =>
        new[] { (StaffAuthentication.OidcScheme, (string?)null, Oidc) }
            .Concat(Providers.Select(p => (StaffAuthentication.SchemeFor(p.Key), (string?)p.Key, p.Value)))
            .Where(p => p.Item3.IsConfigured);
}

/// <summary>The OpenID Connect provider staff sign in with: ORCID (or the simulator) by default, any other by configuration.</summary>
public sealed class OidcProviderOptions
{
    /// <summary>The issuer, e.g. https://orcid.org. Sign-in is off until this, the client id and its secret are set.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button says.</summary>
    public string DisplayName { get; set; } = "ORCID";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
