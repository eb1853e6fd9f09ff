namespace Consortium.Grains.Batches;

/// <summary>An applied CSV upload, kept so its result (each line's status and put-code) can be downloaded later.</summary>
[GenerateSerializer, Immutable, Alias("BatchRecord")]
public sealed record BatchRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Environment,
    [property: Id(2)] string FileName,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] IReadOnlyList<BatchLine> Lines);
