using Consortium.Grains.Researchers;

namespace Consortium.Grains.Issuing.Projection;

[GenerateSerializer, Immutable]
public sealed record ResearcherPage([property: Id(0)] IReadOnlyList<ResearcherView> Items, [property: Id(1)] int Total);
