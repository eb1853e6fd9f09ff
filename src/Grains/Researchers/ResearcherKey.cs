using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Researchers;

/// <summary>One researcher's consent to one tenant in one environment: nothing obtained in one environment is used in the other.</summary>
public static class ResearcherKey
{
    public static string For(string tenantSlug, OrcidEnvironment environment, string orcid) => $"{OrcidClientKey.For(tenantSlug, environment)}:{orcid}";

    /// <summary>Data Protection purpose: a token encrypted for one tenant and environment opens for no other.</summary>
    public static string ProtectionPurpose(string tenantSlug, OrcidEnvironment environment) => $"Consortium.ResearcherToken.{OrcidClientKey.For(tenantSlug, environment)}";

    public static (string Tenant, OrcidEnvironment Environment, string Orcid) Parse(string key)
    {
        var parts = key.Split(':');
        return (parts[1], OrcidEnvironmentName.FromName(parts[2]), parts[3]);
    }
}
