using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Live;

public static class IssuingFeedKey
{
    /// <summary>The feed of a tenant's issuing in one environment.</summary>
    public static string For(string tenantSlug, OrcidEnvironment environment) => $"f:{tenantSlug}:{environment.Name()}";

    public static IIssuingFeedGrain GetIssuingFeed(this IGrainFactory grains, string tenantSlug, OrcidEnvironment environment) =>
        grains.GetGrain<IIssuingFeedGrain>(For(tenantSlug, environment));
}
