using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Trust;

/// <summary>The member organisations a rule may trust by name (<c>tenant:{slug}</c>): those of the rule's own consortium.</summary>
public static class TrustedMembers
{
    /// <summary>Refuses a rule naming a tenant of another consortium, or none. Both are refused alike, so a rule cannot
    /// tell which slugs exist in other consortia.</summary>
    /// <exception cref="InvalidFieldException"><c>trust.trustedClients</c>, naming the first such entry.</exception>
    public static async Task EnsureSameConsortiumAsync(IGrainFactory grains, string tenant, TrustedSources sources)
    {
        var members = await OfSameConsortiumAsync(grains, tenant, sources);
        if (sources.TenantSlugs.FirstOrDefault(slug => !members.Contains(slug)) is { } stranger)
        {
            throw new InvalidFieldException(TrustInput.ClientsField,
                $"'{TrustedSources.TenantPrefix}{stranger}' is not a member organisation of this consortium: a rule may only name its own consortium's members.");
        }
    }

    /// <summary>The named member organisations that belong to <paramref name="tenant"/>'s consortium.</summary>
    public static Task<IReadOnlySet<string>> OfSameConsortiumAsync(IGrainFactory grains, string tenant, TrustedSources sources) =>
        OfSameConsortiumAsync(async slug => await Profile(grains, slug), tenant, sources);

    /// <param name="profile">Where a tenant's profile is read (a grain, or a snapshot of it).</param>
    public static async Task<IReadOnlySet<string>> OfSameConsortiumAsync(Func<string, ValueTask<TenantProfile?>> profile, string tenant, TrustedSources sources)
    {
        var slugs = sources.TenantSlugs.ToList();
        if (slugs.Count == 0)
        {
            return new HashSet<string>();
        }
        var consortium = (await profile(tenant))?.ConsortiumSlug;
        var profiles = await Task.WhenAll(slugs.Select(async slug => await profile(slug)));
        return profiles.Where(profile => profile is not null && profile.ConsortiumSlug == consortium).Select(profile => profile!.Slug).ToHashSet(StringComparer.Ordinal);
    }

    private static Task<TenantProfile?> Profile(IGrainFactory grains, string slug) => grains.GetGrain<ITenantGrain>(TenantKey.For(slug)).GetProfileAsync();
}
