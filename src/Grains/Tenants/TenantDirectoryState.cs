namespace Consortium.Grains.Tenants;

[GenerateSerializer, Alias("TenantDirectoryState")]
public sealed record TenantDirectoryState
{
    [Id(0)] public IReadOnlyList<string> Slugs { get; init; } = [];
}
