using Consortium.Grains.Common;

namespace Consortium.Grains.OrcidClients;

/// <summary>ORCID's two registries. Nothing obtained in one is ever sent to the other.</summary>
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
}
