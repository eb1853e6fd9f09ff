using Consortium.Grains.Common;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;

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

    /// <summary>Exchanges the code from ORCID's authorize redirect for the researcher's tokens; an id_token that came
    /// with them must be signed by ORCID, for this client, with this <paramref name="nonce"/>, about the same iD.</summary>
    /// <exception cref="ConsentRefusedException">No client is stored, or ORCID refused the code.</exception>
    /// <exception cref="OrcidUnreachableException">ORCID did not answer.</exception>
    [Alias("ExchangeCode")]
    Task<GrantedConsent> ExchangeCodeAsync(string code, Uri redirectUri, string? nonce);

    /// <summary>Revokes a researcher's token at ORCID (the researcher disconnected).</summary>
    /// <exception cref="OrcidUnreachableException">ORCID did not answer; the token may still be valid.</exception>
    [Alias("RevokeToken")]
    Task RevokeTokenAsync(string token);

    /// <summary>A client-credentials token (<c>/read-public</c> or <c>/webhook</c>), kept in memory until shortly before it expires.</summary>
    /// <returns>Null when no client is stored.</returns>
    /// <exception cref="OrcidUnreachableException">ORCID did not answer.</exception>
    [Alias("GetClientToken")]
    Task<OrcidBearer?> GetClientTokenAsync(string scope);
}
