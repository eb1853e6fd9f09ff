namespace Consortium.Orcid.Configuration;

/// <summary>The three hosts of one ORCID environment. Bound from <c>Orcid:Sandbox</c> or <c>Orcid:Production</c>.</summary>
public sealed class OrcidEndpoints
{
    /// <summary>Authorize, token, revoke, OpenID discovery: <c>https://sandbox.orcid.org</c>.</summary>
    public Uri? OAuthUrl { get; set; }

    /// <summary>Member API including the version: <c>https://api.sandbox.orcid.org/v3.0</c>.</summary>
    public Uri? MemberApiUrl { get; set; }

    /// <summary>Public API including the version: <c>https://pub.sandbox.orcid.org/v3.0</c>.</summary>
    public Uri? PublicApiUrl { get; set; }

    public static OrcidEndpoints RealSandbox() => new()
    {
        OAuthUrl = new Uri("https://sandbox.orcid.org"),
        MemberApiUrl = new Uri("https://api.sandbox.orcid.org/v3.0"),
        PublicApiUrl = new Uri("https://pub.sandbox.orcid.org/v3.0"),
    };

    public static OrcidEndpoints RealProduction() => new()
    {
        OAuthUrl = new Uri("https://orcid.org"),
        MemberApiUrl = new Uri("https://api.orcid.org/v3.0"),
        PublicApiUrl = new Uri("https://pub.orcid.org/v3.0"),
    };

    /// <summary>The layout of the ORCID simulator, which serves all three from one base URL.</summary>
    public static OrcidEndpoints Simulator(Uri baseUrl) => new()
    {
        OAuthUrl = baseUrl,
        MemberApiUrl = new Uri(baseUrl, "/v3.0"),
        PublicApiUrl = new Uri(baseUrl, "/pub/v3.0"),
    };
}
