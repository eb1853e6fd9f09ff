namespace Consortium.Grains.Issuing;

[GenerateSerializer, Immutable]
public sealed record IssuancePage([property: Id(0)] IReadOnlyList<IssuanceView> Items, [property: Id(1)] int Total);
