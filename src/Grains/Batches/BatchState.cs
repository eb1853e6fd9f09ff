namespace Consortium.Grains.Batches;

[GenerateSerializer, Alias("BatchState")]
public sealed record BatchState
{
    [Id(0)] public BatchRecord? Record { get; init; }
}
