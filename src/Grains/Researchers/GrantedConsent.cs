namespace Consortium.Grains.Researchers;

/// <summary>What ORCID's token response grants: travels once from the client grain to the researcher grain,
/// which encrypts the tokens before storing them.</summary>
[GenerateSerializer, Immutable]
public sealed record GrantedConsent(
    [property: Id(0)] string Orcid,
    [property: Id(1)] string? Name,
    [property: Id(2)] string ClientId,
    [property: Id(3)] string AccessToken,
    [property: Id(4)] string? RefreshToken,
    [property: Id(5)] IReadOnlyList<string> Scopes,
    [property: Id(6)] DateTimeOffset ExpiresAt)
{
    /// <summary>Never print the tokens: records print every property by default.</summary>
    public override string ToString() => $"GrantedConsent {{ Orcid = {Orcid}, ClientId = {ClientId}, Scopes = {string.Join(' ', Scopes)} }}";
}
