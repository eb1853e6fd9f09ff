namespace Consortium.Orcid.OAuth;

/// <summary>A member client's credentials for one environment.</summary>
public sealed record OrcidClientCredentials(string ClientId, string ClientSecret)
{
    /// <summary>Never print the secret: records print every property by default.</summary>
    public override string ToString() => $"OrcidClientCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";
}
