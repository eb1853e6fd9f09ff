using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Consortium.Orcid.Configuration;

/// <summary>The <c>Orcid</c> configuration section: ORCID's two environments, real hosts by default.</summary>
public sealed class OrcidOptions
{
    public const string SectionName = "Orcid";

    [Required, ValidateObjectMembers]
    public OrcidEndpoints Sandbox { get; set; } = new()
    {
        OAuthUrl = "https://sandbox.orcid.org",
        MemberApiUrl = "https://api.sandbox.orcid.org/v3.0",
        PublicApiUrl = "https://pub.sandbox.orcid.org/v3.0",
    };

    [Required, ValidateObjectMembers]
    public OrcidEndpoints Production { get; set; } = new()
    {
        OAuthUrl = "https://orcid.org",
        MemberApiUrl = "https://api.orcid.org/v3.0",
        PublicApiUrl = "https://pub.orcid.org/v3.0",
    };

    /// <exception cref="ArgumentException">Neither sandbox nor production.</exception>
    public OrcidEndpoints For(string environment) => environment switch
    {
        OrcidEnvironment.Sandbox => Sandbox,
        OrcidEnvironment.Production => Production,
        _ => throw new ArgumentException($"Unknown ORCID environment '{environment}'.", nameof(environment)),
    };
}
