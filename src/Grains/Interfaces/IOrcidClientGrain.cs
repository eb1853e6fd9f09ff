using Consortium.Grains.Common;
using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Interfaces;

/// <summary>A tenant's ORCID client for one environment. Key: <see cref="OrcidClientKey.For"/>.</summary>
[Alias("IOrcidClientGrain")]
public interface IOrcidClientGrain : IGrainWithStringKey
{
    /// <summary>Stores credentials the caller has validated against this environment; replaces any earlier ones.</summary>
    /// <exception cref="InvalidFieldException">The client id or secret is empty or malformed.</exception>
    [Alias("Store")]
    Task<OrcidClientView> StoreAsync(string clientId, string clientSecret, DateTimeOffset validatedAt);

    [Alias("Get")]
    Task<OrcidClientView?> GetAsync();
}
