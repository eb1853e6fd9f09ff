using System.Text.Json.Serialization;
using Consortium.Grains.Common;
using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Lti;

/// <summary>An LTI 1.3 platform (a course platform's LTI Advantage registration) a tenant trusts to launch its tool: the platform's
/// issuer, the client id it gave the tool, the deployment, where it authenticates (OIDC third-party login) and publishes its keys.
/// Launches from it act in <see cref="Environment"/>.</summary>
[GenerateSerializer, Immutable, Alias("LtiPlatform")]
public sealed record LtiPlatform(
    [property: Id(0)] string Issuer,
    [property: Id(1)] string ClientId,
    [property: Id(2)] string DeploymentId,
    [property: Id(3)] string AuthorizationEndpoint,
    [property: Id(4)] string JwksUrl)
{
    [Id(5), JsonIgnore] public string EnvironmentName { get; init; } = "sandbox";

    public OrcidEnvironment Environment { get => OrcidEnvironmentName.FromName(EnvironmentName); init => EnvironmentName = value.Name(); }

    /// <exception cref="InvalidFieldException">The first malformed field.</exception>
    public LtiPlatform Validated() => new(
        Url("issuer", Issuer, "the platform's issuer (its iss claim)"),
        Fields.Text("clientId", ClientId, 255, "client id"),
        Fields.Text("deploymentId", DeploymentId, 255, "deployment id"),
        Url("authorizationEndpoint", AuthorizationEndpoint, "the platform's OIDC authorization endpoint"),
        Url("jwksUrl", JwksUrl, "the platform's JWKS address")) { Environment = Environment };

    private static string Url(string field, string? value, string what) =>
        Uri.TryCreate((value ?? "").Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.UserInfo.Length == 0
            ? url.OriginalString
            : throw new InvalidFieldException(field, $"Give {what} as an absolute https URL.");
}
