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

    /// <summary>These endpoints as the configuration keys of <paramref name="environment"/> (<c>Orcid:Sandbox:OAuthUrl</c> and its
    /// two siblings): how a host passes them to another host it configures.</summary>
    public Dictionary<string, string?> ToSettings(OrcidEnvironment environment) => new()
    {
        [$"{OrcidOptions.SectionName}:{environment}:{nameof(OAuthUrl)}"] = OAuthUrl?.AbsoluteUri,
        [$"{OrcidOptions.SectionName}:{environment}:{nameof(MemberApiUrl)}"] = MemberApiUrl?.AbsoluteUri,
        [$"{OrcidOptions.SectionName}:{environment}:{nameof(PublicApiUrl)}"] = PublicApiUrl?.AbsoluteUri,
    };

    /// <summary>Both environments' settings, e.g. one simulator for both, or ORCID's own hosts.</summary>
    public static Dictionary<string, string?> Settings(OrcidEndpoints sandbox, OrcidEndpoints production) =>
        new(sandbox.ToSettings(OrcidEnvironment.Sandbox).Concat(production.ToSettings(OrcidEnvironment.Production)));
}
