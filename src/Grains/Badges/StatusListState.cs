using System.Collections.Immutable;

namespace Consortium.Grains.Badges;

[GenerateSerializer, Alias("StatusListState")]
public sealed record StatusListState
{
    /// <summary>How many credentials have a place: the next one gets this number.</summary>
    [Id(0)] public long Allocated { get; init; }

    /// <summary>The places whose credential is revoked, per list. Few, so kept as numbers rather than bits.</summary>
    [Id(1)] public ImmutableDictionary<int, ImmutableSortedSet<int>> Revoked { get; init; } = ImmutableDictionary<int, ImmutableSortedSet<int>>.Empty;
}
