using Consortium.Grains.Common;

namespace Consortium.Grains.Researchers;

/// <summary>A researcher's consent with its token, when one is in force (<see cref="Access"/> is null otherwise).</summary>
[GenerateSerializer, Immutable]
public sealed record ResearcherConsent([property: Id(0)] ResearcherView View, [property: Id(1)] OrcidBearer? Access);
