namespace Consortium.Portal.Staff;

/// <summary>The <c>Staff</c> configuration section: who signs in to the portal, and how.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>ORCID iDs of the platform's operators.</summary>
    public string[] OperatorOrcids { get; set; } = [];

    public OidcProviderOptions Oidc { get; set; } = new();
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
