using System.ComponentModel.DataAnnotations;

namespace Consortium.Orcid.Configuration;

/// <summary>Where one ORCID environment answers.</summary>
public sealed class OrcidEndpoints
{
    /// <summary>The OAuth and OpenID Connect host, e.g. https://sandbox.orcid.org.</summary>
    [Required, Url]
    public string OAuthUrl { get; set; } = "";

    /// <summary>The member API, e.g. https://api.sandbox.orcid.org/v3.0.</summary>
    [Required, Url]
    public string MemberApiUrl { get; set; } = "";

    /// <summary>The public API, e.g. https://pub.sandbox.orcid.org/v3.0.</summary>
    [Required, Url]
    public string PublicApiUrl { get; set; } = "";
}
