namespace Consortium.OrcidSimulator.State;

/// <summary>A one-time code from an authorize, exchanged at the token endpoint.</summary>
public sealed record AuthorizationCode(string Code, string ClientId, string RedirectUri, string Orcid, string Scope, string? Nonce, DateTimeOffset ExpiresAt);
