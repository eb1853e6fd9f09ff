namespace Consortium.Orcid.Http;

/// <summary>A bearer token and the client it was issued to (the client keys the rate limit).</summary>
public sealed record OrcidAccess(string ClientId, string AccessToken)
{
    /// <summary>Never print the token: records print every property by default.</summary>
    public override string ToString() => $"OrcidAccess {{ ClientId = {ClientId}, AccessToken = *** }}";
}
