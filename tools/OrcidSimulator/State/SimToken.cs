namespace Consortium.OrcidSimulator.State;

/// <summary>An issued access token. <see cref="Orcid"/> is null for a client-credentials token.</summary>
public sealed record SimToken(
    string AccessToken,
    string RefreshToken,
    string ClientId,
    string? Orcid,
    IReadOnlyList<string> Scopes,
    DateTimeOffset IssuedAt,
    bool Revoked = false)
{
    public bool Has(string scope) => Scopes.Contains(scope);
}
