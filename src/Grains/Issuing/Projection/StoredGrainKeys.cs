namespace Consortium.Grains.Issuing.Projection;

/// <summary>Primary keys of grains with stored state (<see cref="IssuingKey.Issuance"/>, <see cref="Researchers.ResearcherKey.For"/>).</summary>
public sealed record StoredGrainKeys(IReadOnlyList<string> Issuances, IReadOnlyList<string> Researchers);
