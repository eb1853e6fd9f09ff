using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Live;

public static class IssuingFeedKey
{
    /// <summary>The feed of a tenant's issuing in one environment.</summary>
    public static string For(string tenantSlug, string environment) => $"f:{tenantSlug}:{environment}";

    public static IIssuingFeedGrain GetIssuingFeed(this IGrainFactory grains, string tenantSlug, string environment) =>
        grains.GetGrain<IIssuingFeedGrain>(For(tenantSlug, environment));
}
