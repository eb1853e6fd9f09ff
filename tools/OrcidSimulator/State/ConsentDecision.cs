namespace Consortium.OrcidSimulator.State;

/// <summary>A consent decided ahead by a test: the next authorize request signs in as <see cref="Orcid"/> and answers at once.</summary>
public sealed record ConsentDecision(string Orcid, bool Authorize);
