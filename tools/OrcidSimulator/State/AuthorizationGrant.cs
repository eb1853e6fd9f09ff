namespace Consortium.OrcidSimulator.State;

/// <summary>What an authorization code stands for until the client exchanges it (once).</summary>
public sealed record AuthorizationGrant(string ClientId, string RedirectUri, string Orcid, IReadOnlyList<string> Scopes, string? Nonce);
