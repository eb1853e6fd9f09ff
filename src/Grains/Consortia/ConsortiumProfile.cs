namespace Consortium.Grains.Consortia;

[GenerateSerializer, Immutable]
public sealed record ConsortiumProfile(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt);
