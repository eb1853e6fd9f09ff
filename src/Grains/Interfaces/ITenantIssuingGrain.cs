using Consortium.Grains.Common;
using Consortium.Grains.Issuing;
using Consortium.Grains.Launch;
using Consortium.Grains.Researchers;
using Orleans.Concurrency;

namespace Consortium.Grains.Interfaces;

/// <summary>A tenant's issuing in one environment: the front door for issuances, and the queue that writes them to ORCID at
/// the pace ORCID allows, surviving restarts. Lists and counts are in the projection (<see cref="Issuing.Projection.IssuingReader"/>).
/// Key: <see cref="IssuingKey.For"/>.</summary>
[Alias("ITenantIssuingGrain")]
public interface ITenantIssuingGrain : IResumableGrain
{
    /// <summary>Submits issuances; each is idempotent by its external id. Returns once the work is stored.</summary>
    /// <param name="portalUrl">Where certificate pages are served, e.g. <c>https://portal.example.org</c>.</param>
    /// <exception cref="InvalidFieldException">A request is malformed or names an unknown template; nothing is submitted.</exception>
    /// <exception cref="IssuingClosedException">The environment is not open for this tenant; nothing is submitted.</exception>
    [Alias("Submit")]
    Task<IReadOnlyList<IssuanceCreated>> SubmitAsync(IReadOnlyList<NewIssuance> requests, string portalUrl);

    /// <summary>Whether a submit would be taken now: what a batch checks before it is accepted.</summary>
    /// <exception cref="IssuingClosedException">The environment is not open for this tenant.</exception>
    [Alias("EnsureOpen")]
    Task EnsureOpenAsync();

    /// <summary>How many issuances have work scheduled (writes, retries, checks).</summary>
    [Alias("Pending")]
    Task<int> PendingAsync();

    /// <exception cref="NotFoundException">No issuance has this id.</exception>
    [Alias("Revoke")]
    Task<IssuanceView> RevokeAsync(string issuanceId);

    /// <exception cref="NotFoundException">No issuance has this id.</exception>
    [Alias("Retry")]
    Task<IssuanceView> RetryAsync(string issuanceId);

    /// <summary>Checks every written qualification against ORCID (deleted by the researcher, permission ended).</summary>
    [Alias("Reconcile")]
    Task<int> ReconcileAsync();

    [Alias("AssignResearcher")]
    Task AssignResearcherAsync(string issuanceId, string orcid);

    [Alias("Decline")]
    Task DeclineAsync(string issuanceId);

    /// <summary>A researcher connected or their consent ended: their issuances are brought in line. One-way: the queue then
    /// calls those issuances, which call the researcher.</summary>
    [Alias("ResearcherChanged"), OneWay]
    Task ResearcherChangedAsync(ResearcherView researcher);

    /// <summary>A researcher denied permission on ORCID's page.</summary>
    [Alias("ConsentDenied"), OneWay]
    Task ConsentDeniedAsync();

    /// <summary>The first occurrence of each launch-review step in this environment.</summary>
    [Alias("Milestones")]
    Task<IReadOnlyDictionary<LaunchStep, LaunchMilestone>> MilestonesAsync();

    /// <summary>Written qualifications from this template are updated in ORCID.</summary>
    [Alias("TemplateChanged"), OneWay]
    Task TemplateChangedAsync(string templateId);
}
