using Consortium.Grains.Common;
using Consortium.Orcid;

namespace Consortium.Grains.OrcidClients;

/// <summary>
/// The one place that names ORCID environments for the wire: grain keys, addresses, JSON, CSV and stored state say
/// "sandbox" or "production". Everything inside carries <see cref="OrcidEnvironment"/>; text becomes one here, once, at the edge.
/// </summary>
public static class OrcidEnvironmentName
{
    private const string SandboxName = "sandbox";
    private const string ProductionName = "production";

    /// <returns>The environment's canonical (lowercase) name.</returns>
    public static string Name(this OrcidEnvironment environment) => environment switch
    {
        OrcidEnvironment.Sandbox => SandboxName,
        OrcidEnvironment.Production => ProductionName,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown ORCID environment."),
    };

    /// <summary>For user input (API query and body values, CSV): case and surrounding space do not matter.</summary>
    /// <exception cref="InvalidFieldException">Neither sandbox nor production.</exception>
    public static OrcidEnvironment Parse(string field, string? value) =>
        TryParse(value?.Trim().ToLowerInvariant())
        ?? throw new InvalidFieldException(field, "The environment must be 'sandbox' or 'production'.");

    /// <summary>For researcher page addresses, where a missing or unknown <c>env</c> means the test site.</summary>
    public static OrcidEnvironment ProductionOrSandbox(string? value) =>
        value?.Trim().ToLowerInvariant() == ProductionName ? OrcidEnvironment.Production : OrcidEnvironment.Sandbox;

    /// <summary>For names this system wrote itself (grain keys, stored state): only the canonical names.</summary>
    /// <exception cref="ArgumentException">Not a canonical name: never guess an environment, since nothing may cross between them.</exception>
    public static OrcidEnvironment FromName(string? name) =>
        TryParse(name) ?? throw new ArgumentException($"Unknown ORCID environment '{name}'.", nameof(name));

    /// <returns>The environment a canonical name names, or null.</returns>
    public static OrcidEnvironment? TryParse(string? name) => name switch
    {
        SandboxName => OrcidEnvironment.Sandbox,
        ProductionName => OrcidEnvironment.Production,
        _ => null,
    };
}
