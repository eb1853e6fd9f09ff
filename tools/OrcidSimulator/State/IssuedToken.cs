namespace Consortium.OrcidSimulator.State;

/// <summary>An access token (and its refresh token) as the simulator issued it.</summary>
/// <param name="Orcid">Whose record it opens; null for a client-credentials token.</param>
public sealed record IssuedToken(
    string AccessToken, string? RefreshToken, string ClientId, string? Orcid, string Scope, DateTimeOffset IssuedAt, bool Revoked = false);
