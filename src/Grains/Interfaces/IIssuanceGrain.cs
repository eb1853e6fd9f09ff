using Consortium.Grains.Badges;
using Consortium.Grains.Common;
using Consortium.Grains.Issuing;

namespace Consortium.Grains.Interfaces;

/// <summary>One qualification for one researcher, and the ORCID writes that bring the record in line with it.
/// Key: <see cref="IssuingKey.Issuance"/>. Driven by the tenant's <see cref="ITenantIssuingGrain"/>.</summary>
[Alias("IIssuanceGrain")]
public interface IIssuanceGrain : IGrainWithStringKey
{
    /// <summary>Creates the issuance, or changes it; the same request again changes nothing.</summary>
    /// <param name="portalUrl">Where the certificate page is served, e.g. <c>https://portal.example.org</c>.</param>
    /// <exception cref="InvalidFieldException">The change would hand an issued qualification to another researcher.</exception>
    [Alias("Submit")]
    Task<IssuanceCreated> SubmitAsync(NewIssuance request, string portalUrl);

    [Alias("Get")]
    Task<IssuanceView?> GetAsync();

    /// <summary>One step towards the wanted state: write, update, delete or check at ORCID as needed.</summary>
    /// <param name="context">The tenant's profile and templates, as the queue read them for the issuances it runs.</param>
    [Alias("Process")]
    Task<IssuanceWork> ProcessAsync(IssuingContext context);

    /// <summary>The invited researcher connected: the issuance is now for this iD.</summary>
    [Alias("AssignResearcher")]
    Task<IssuanceView?> AssignResearcherAsync(string orcid);

    [Alias("Decline")]
    Task<IssuanceView?> DeclineAsync();

    /// <summary>The organisation withdraws the qualification: it is deleted from the record.</summary>
    [Alias("Revoke")]
    Task<IssuanceView?> RevokeAsync();

    /// <summary>The place of this issuance's credential in the tenant's status lists, given on first call; its bit is set
    /// once the organisation withdraws the issuance.</summary>
    [Alias("GetStatusIndex")]
    Task<StatusIndex> GetStatusIndexAsync();

    /// <summary>Tries again after a failure, or writes again a qualification the researcher deleted.</summary>
    [Alias("Retry")]
    Task<IssuanceView?> RetryAsync();

    /// <summary>Asks the next step to check that ORCID still has the qualification.</summary>
    [Alias("RequestCheck")]
    Task<IssuanceView?> RequestCheckAsync();

    /// <summary>ORCID deprecated <paramref name="from"/> into <paramref name="primary"/>: an issuance for <paramref name="from"/>
    /// moves there, to be written again (ORCID removed what the deprecated record held).</summary>
    [Alias("MoveTo")]
    Task<IssuanceView?> MoveToAsync(string from, string primary);

    /// <summary>The queue could not process it <paramref name="attempts"/> times (the call itself failed): it is marked failed.</summary>
    [Alias("GiveUp")]
    Task<IssuanceView?> GiveUpAsync(int attempts, string error);

    /// <summary>Writes its row in the issuing projection again (a rebuild).</summary>
    [Alias("Project")]
    Task ProjectAsync();
}
