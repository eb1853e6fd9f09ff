namespace Consortium.OrcidSimulator.State;

/// <summary>A pre-decided answer for the next authorize request, so tests and scripts need no browser.</summary>
public sealed record ConsentDecision(string Orcid, bool Authorize);
