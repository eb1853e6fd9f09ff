namespace Consortium.Grains.Tenants;

[GenerateSerializer, Immutable]
public sealed record TenantProfile(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string? RorId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string ConsortiumSlug,
    [property: Id(5)] DateTimeOffset? SuspendedAt = null)
{
    public bool IsSuspended => SuspendedAt is not null;
}
