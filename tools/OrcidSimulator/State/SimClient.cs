namespace Consortium.OrcidSimulator.State;

/// <summary>A member API client registered with this simulator.</summary>
public sealed record SimClient(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> RedirectUris)
{
    /// <summary>ORCID accepts a redirect URI that starts with a registered one.</summary>
    public bool Accepts(string redirectUri) => RedirectUris.Any(registered => redirectUri.StartsWith(registered, StringComparison.Ordinal));
}
