using Consortium.Grains.Common;
using Consortium.Orcid.Configuration;

namespace Consortium.Grains.OrcidClients;

/// <summary>Reads an ORCID environment's name from a request.</summary>
public static class OrcidEnvironmentName
{
    /// <returns>The environment's canonical name.</returns>
    /// <exception cref="InvalidFieldException">Neither sandbox nor production.</exception>
    public static string Parse(string field, string? value) => value?.Trim().ToLowerInvariant() switch
    {
        OrcidEnvironment.Sandbox => OrcidEnvironment.Sandbox,
        OrcidEnvironment.Production => OrcidEnvironment.Production,
        _ => throw new InvalidFieldException(field, "The environment must be 'sandbox' or 'production'."),
    };
}
