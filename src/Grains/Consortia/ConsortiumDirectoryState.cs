namespace Consortium.Grains.Consortia;

[GenerateSerializer, Alias("ConsortiumDirectoryState")]
public sealed record ConsortiumDirectoryState
{
    [Id(0)] public IReadOnlyList<string> Slugs { get; init; } = [];
}
