using Consortium.Grains.Common;
using Consortium.Orcid;

namespace Consortium.Grains.OrcidClients;

/// <summary>ORCID environments by name, as grain keys, views and API routes carry them.</summary>
public static class OrcidEnvironmentName
{
    public const string Sandbox = "sandbox";
    public const string Production = "production";

    /// <returns>The environment's canonical name.</returns>
    /// <exception cref="InvalidFieldException">Neither sandbox nor production.</exception>
    public static string Parse(string field, string? value) => value?.Trim().ToLowerInvariant() switch
    {
        Sandbox => Sandbox,
        Production => Production,
        _ => throw new InvalidFieldException(field, "The environment must be 'sandbox' or 'production'."),
    };

    /// <summary>For researcher page addresses, where a missing or unknown <c>env</c> means the test site.</summary>
    public static string ProductionOrSandbox(string? value) => value?.Trim().ToLowerInvariant() == Production ? Production : Sandbox;

    /// <exception cref="ArgumentException">Not a canonical name: never guess an environment, since nothing may cross between them.</exception>
    public static OrcidEnvironment ToEnvironment(string name) => name switch
    {
        Sandbox => OrcidEnvironment.Sandbox,
        Production => OrcidEnvironment.Production,
        _ => throw new ArgumentException($"Unknown ORCID environment '{name}'.", nameof(name)),
    };
}
