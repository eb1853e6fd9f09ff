using Consortium.Grains.Common;
using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Interfaces;

/// <summary>A tenant's ORCID client for one environment. Key: <see cref="OrcidClientKey.For"/>.</summary>
[Alias("IOrcidClientGrain")]
public interface IOrcidClientGrain : IGrainWithStringKey
{
    /// <summary>Validates the credentials against this environment (a client-credentials token call), then stores them, replacing any earlier ones.</summary>
    /// <exception cref="InvalidFieldException">Malformed, or ORCID refused them; nothing is changed.</exception>
    /// <exception cref="OrcidUnreachableException">ORCID did not answer; nothing is changed.</exception>
    [Alias("Store")]
    Task<OrcidClientView> StoreAsync(string clientId, string clientSecret);

    [Alias("Get")]
    Task<OrcidClientView?> GetAsync();
}
