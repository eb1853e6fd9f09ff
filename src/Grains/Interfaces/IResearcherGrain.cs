using Consortium.Grains.Common;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;

namespace Consortium.Grains.Interfaces;

/// <summary>One researcher's consent to one tenant in one environment. Key: <see cref="ResearcherKey.For"/>.</summary>
[Alias("IResearcherGrain")]
public interface IResearcherGrain : IGrainWithStringKey
{
    /// <summary>Stores the tokens encrypted, replacing any earlier consent, and lets waiting issuances go ahead.</summary>
    [Alias("Connect")]
    Task<ResearcherView> ConnectAsync(GrantedConsent consent);

    /// <returns>The consent, or null when this researcher never connected.</returns>
    [Alias("Get")]
    Task<ResearcherView?> GetAsync();

    /// <returns>The researcher's token, or null when there is no consent in force.</returns>
    [Alias("GetAccess")]
    Task<OrcidBearer?> GetAccessAsync();

    /// <summary>The consent and, while it is in force, its token: what one ORCID write needs, in one call.</summary>
    /// <returns>Null when the researcher never connected.</returns>
    [Alias("GetWithAccess")]
    Task<ResearcherConsent?> GetWithAccessAsync();

    /// <summary>Revokes the token at ORCID, then marks the consent disconnected.</summary>
    /// <exception cref="OrcidUnreachableException">ORCID did not answer; the consent is left as it was.</exception>
    [Alias("Disconnect")]
    Task<ResearcherView?> DisconnectAsync();

    /// <summary>ORCID answered 401 invalid_token for this researcher's token.</summary>
    [Alias("TokenRejected")]
    Task TokenRejectedAsync(string accessToken);

    /// <summary>ORCID deactivated or deprecated the record: the consent ends, and its tokens are dropped.</summary>
    [Alias("RecordEnded")]
    Task RecordEndedAsync(OrcidRecordState state);

    /// <summary>Writes its row in the issuing projection again (a rebuild).</summary>
    [Alias("Project")]
    Task ProjectAsync();
}
