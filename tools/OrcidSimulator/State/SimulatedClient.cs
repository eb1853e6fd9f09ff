namespace Consortium.OrcidSimulator.State;

/// <summary>A member API client registered with the simulated ORCID.</summary>
public sealed record SimulatedClient(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> RedirectUris);
